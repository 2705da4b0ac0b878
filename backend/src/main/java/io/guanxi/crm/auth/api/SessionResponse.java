package io.guanxi.crm.auth.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A live web app session as its user (or an admin) sees it; no token material. */
public record SessionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "Sign-in time") Instant createdAt,
        @Schema(required = true, description = "Last sign-in or refresh; the idle timeout counts from here") Instant lastUsedAt,
        @Schema(required = true, description = "When the session ends at the latest (absolute timeout)") Instant expiresAt,
        @Schema(description = "The browser's User-Agent at sign-in, shortened") String userAgent,
        @Schema(description = "The client address at sign-in") String address,
        @Schema(required = true, description = "Whether this is the session of the calling access token") boolean current) {
}
