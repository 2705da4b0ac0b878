package io.guanxi.crm.platform.http;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security and caching headers on every response of the public port, set just before the headers
 * are written so that static files, REST responses and early refusals all carry them.
 * <ul>
 * <li>The web app has no inline script; antd injects its styles, hence {@code 'unsafe-inline'} for
 * styles only. Swagger UI starts itself with an inline script, so /q/swagger-ui gets that too.</li>
 * <li>{@code index.html} and the app's deep links are revalidated on every load ({@code no-cache}), so
 * an upgrade is seen at once; only the content-hashed files under /assets/ are immutable. Swagger UI's
 * files have no hash in their names, so they are revalidated too.</li>
 * <li>API answers hold personal data: {@code no-store} unless the resource says otherwise.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    GuanxiConfig config;

    void install(@Observes Router router) {
        boolean hsts = config.http().hsts().enabled();
        String hstsValue = "max-age=" + config.http().hsts().maxAge().toSeconds();
        router.route().order(-1100).handler(context -> {
            String path = context.normalizedPath();
            context.addHeadersEndHandler(done -> apply(context, path, hsts ? hstsValue : null));
            context.next();
        });
    }

    private static void apply(RoutingContext context, String path, String hsts) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_UI_POLICY : APP_POLICY);
        if (hsts != null && "https".equalsIgnoreCase(context.request().scheme())) {
            headers.set("Strict-Transport-Security", hsts);
        }
        if (path.startsWith("/api/")) {
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        } else if (path.startsWith("/assets/") && context.response().getStatusCode() < 400) {
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        } else if (!path.startsWith("/q/") || path.startsWith("/q/swagger-ui")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        // The static handler knows no type for the PWA's manifest, and nosniff forbids guessing it.
        if (path.endsWith(".webmanifest") && context.response().getStatusCode() < 400) {
            headers.set(HttpHeaders.CONTENT_TYPE, "application/manifest+json");
        }
    }
}
