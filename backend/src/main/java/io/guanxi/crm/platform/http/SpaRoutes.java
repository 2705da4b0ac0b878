package io.guanxi.crm.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web app's deep links (/contacts/…, /admin/users) are client-side routes: a browser asking
 * for one gets index.html and the app takes it from there. API, operations and asset paths are
 * left alone, so an unknown API path is still a 404 problem.
 */
@ApplicationScoped
public class SpaRoutes {

    void install(@Observes Router router) {
        router.route().order(-900).handler(context -> {
            String path = context.normalizedPath();
            boolean appRoute = context.request().method() == HttpMethod.GET
                    && !path.startsWith("/api/") && !path.startsWith("/q/") && !path.equals("/")
                    && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            if (appRoute) {
                context.reroute("/index.html");
            } else {
                context.next();
            }
        });
    }
}
