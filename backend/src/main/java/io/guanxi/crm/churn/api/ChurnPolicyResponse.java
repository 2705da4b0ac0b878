package io.guanxi.crm.churn.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnPolicy", description = "The churn policy: when the daily rule churns a customer who stopped buying")
public record ChurnPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) int monthsWithoutPurchase,
        @Schema(required = true) boolean ruleEnabled,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) UUID createdBy) {
}
