package io.guanxi.crm.platform.http;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.Problem;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses what the service will not read before any of it is read, each with a problem body: an
 * over-long request line (414), oversized headers (431), a declared oversized body (413), and a NUL
 * character or broken percent-encoding in the path or query (400; PostgreSQL cannot store NUL),
 * and a body of undeclared length anywhere but an upload (411: chunked, or HTTP/2 without Content-Length;
 * the HTTP layer's body limit is the upload's 51 MB, so only a declared length can be held to the 1 MB
 * every other body gets).
 * The HTTP layer's own limits sit well above these ({@code quarkus.http.limits.*}) and only answer,
 * with a bare status, what is far beyond them; the body limit still guards chunked uploads.
 */
@ApplicationScoped
public class RequestLimits {

    private static final String UPLOAD_PATH = "/api/v1/imports";
    private static final long MULTIPART_FRAMING = 64 * 1024;
    private static final java.util.Set<HttpMethod> BODY_METHODS = java.util.Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Inject
    GuanxiConfig config;

    void install(@Observes Router router) {
        // Every body but an upload's; a file upload (POST /api/v1/imports) gets the file's limit plus room for the multipart framing.
        long bodyLimit = config.http().maxBodySize().asLongValue();
        long uploadLimit = config.imports().maxBytes().asLongValue() + MULTIPART_FRAMING;
        long uriLimit = config.http().maxUriLength().asLongValue();
        long headerLimit = config.http().maxHeaderSize().asLongValue();
        router.route().order(-1000).handler(context -> {
            String uri = context.request().uri();
            if (uri.length() > uriLimit) {
                end(context, new Problem(ProblemTypes.URI_TOO_LONG, "URI too long", 414,
                        "The request path and query are longer than the " + (uriLimit / 1024) + " KB the service accepts",
                        null, null, null));
                return;
            }
            if (headerSize(context.request().headers()) > headerLimit) {
                end(context, new Problem(ProblemTypes.HEADERS_TOO_LARGE, "Request header fields too large", 431,
                        "The request headers are larger than the " + (headerLimit / 1024) + " KB the service accepts",
                        null, null, null));
                return;
            }
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = context.request().method() == HttpMethod.POST && UPLOAD_PATH.equals(context.request().path());
            long limit = upload ? uploadLimit : bodyLimit;
            if (length != null && exceeds(length, limit)) {
                end(context, new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                        "The request body is larger than the " + (limit / 1024) + " KB the service accepts",
                        context.request().path(), null, null));
                return;
            }
            // Outside an upload a body must declare its length: any Transfer-Encoding (every value of every such
            // header counts, as the HTTP layer decodes them) or an HTTP/2 body without a Content-Length is refused.
            boolean undeclared = !context.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING).isEmpty()
                    || context.request().version() == HttpVersion.HTTP_2 && length == null && BODY_METHODS.contains(context.request().method());
            if (!upload && undeclared) {
                end(context, new Problem(ProblemTypes.LENGTH_REQUIRED, "Length required", 411,
                        "Send the body with a Content-Length; only file uploads may be sent in chunks",
                        context.request().path(), null, null));
                return;
            }
            FieldError badUri = uriProblem(context);
            if (badUri != null) {
                end(context, new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                        "The request path or query is invalid", null, List.of(badUri), Map.of()));
                return;
            }
            context.next();
        });
    }

    /** The path or query parameter that holds a NUL character or does not decode; null when all is well. */
    private static FieldError uriProblem(RoutingContext context) {
        String uri = context.request().uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        if (rawPath.toLowerCase(Locale.ROOT).contains("%00")) {
            return new FieldError("path", "must not contain the NUL character (%00)");
        }
        if (query < 0) {
            return null;
        }
        MultiMap params;
        try {
            params = context.queryParams();
        } catch (RuntimeException e) {
            return new FieldError("query", "is not valid percent-encoded UTF-8");
        }
        for (Map.Entry<String, String> param : params) {
            if (param.getKey().indexOf('\u0000') >= 0) {
                return new FieldError("query", "must not contain the NUL character (%00)");
            }
            if (param.getValue().indexOf('\u0000') >= 0) {
                return new FieldError(printable(param.getKey()), "must not contain the NUL character (%00)");
            }
        }
        return null;
    }

    private static String printable(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() <= 100 ? cleaned : cleaned.substring(0, 100) + "…";
    }

    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static void end(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
