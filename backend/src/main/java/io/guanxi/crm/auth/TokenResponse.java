package io.guanxi.crm.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth 2.0 style token response (RFC 6749 §5.1 field names). */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
