package io.guanxi.crm.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the current HTTP request came from: the client address and a request id (the caller's
 * {@code X-Request-Id} when it is a plain token, else one generated once per request, so every entry of
 * one request carries the same id). Outside a request (jobs, startup) both are null.
 */
final class RequestOrigin {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "guanxi.requestId";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    record Origin(String clientAddress, String requestId) {
        static final Origin NONE = new Origin(null, null);
    }

    private RequestOrigin() {
    }

    static Origin current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Origin.NONE;
        }
        CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
        RoutingContext http = current == null ? null : current.getCurrent();
        if (http == null) {
            return Origin.NONE;
        }
        String requestId = http.get(KEY);
        if (requestId == null) {
            String given = http.request().getHeader(HEADER);
            requestId = given != null && PLAIN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
            http.put(KEY, requestId);
        }
        String address = http.request().remoteAddress() == null ? null : http.request().remoteAddress().hostAddress();
        return new Origin(address, requestId);
    }
}
