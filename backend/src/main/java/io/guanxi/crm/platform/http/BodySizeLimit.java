package io.guanxi.crm.platform.http;

import io.guanxi.crm.platform.error.Problem;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects a declared oversized body before it is read, with a problem body: the HTTP layer's own
 * limit ({@code quarkus.http.limits.max-body-size}, which still guards chunked uploads) answers a
 * bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, limit)) {
                Problem problem = new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                        "The request body is larger than the " + (limit / 1024) + " KB the service accepts",
                        context.request().path(), null, null);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
