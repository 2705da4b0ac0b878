package io.guanxi.crm.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OAuth 2.0 style token response (RFC 6749 §5.1 field names). */
public record TokenResponse(
        @Schema(required = true) @JsonProperty("access_token") String accessToken,
        @Schema(required = true, examples = "Bearer") @JsonProperty("token_type") String tokenType,
        @Schema(required = true, description = "Seconds until the token expires") @JsonProperty("expires_in") long expiresIn) {
}
