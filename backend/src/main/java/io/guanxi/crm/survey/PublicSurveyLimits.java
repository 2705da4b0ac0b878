package io.guanxi.crm.survey;

import io.guanxi.crm.platform.error.Problem;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The public survey endpoints take small bodies only: an answer is a score and a comment of at most 1 000
 * characters, so a body must declare its length and stay within 4 KB (413 otherwise), before any of it is read.
 */
@ApplicationScoped
public class PublicSurveyLimits {

    static final String PREFIX = "/api/v1/public/";
    static final int MAX_BODY = 4096;

    void install(@Observes Router router) {
        router.route().order(-950).handler(context -> {
            HttpMethod method = context.request().method();
            if (!context.normalizedPath().startsWith(PREFIX) || method == HttpMethod.GET || method == HttpMethod.HEAD) {
                context.next();
                return;
            }
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0 || declared > MAX_BODY) {
                Problem problem = new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                        "An answer must declare its length and be at most " + MAX_BODY + " bytes", null, null, null);
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }
}
