package io.guanxi.crm.platform.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns an {@link Idempotency.Outcome} into HTTP; a replay says so in {@code Idempotent-Replayed: true}. */
public final class IdempotentResponses {

    private IdempotentResponses() {
    }

    public static Response toResponse(Idempotency.Outcome outcome) {
        Response.ResponseBuilder builder = Response.status(outcome.status()).type(MediaType.APPLICATION_JSON_TYPE);
        if (outcome.location() != null) {
            builder.location(outcome.location());
        }
        if (outcome.replayed()) {
            return builder.entity(outcome.replayedJson()).header("Idempotent-Replayed", "true").build();
        }
        return builder.entity(outcome.body()).build();
    }
}
