package io.guanxi.crm.tier.api;

import io.guanxi.crm.tier.MembershipLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerValue", description = "What the last recompute (and purchases since) say about a customer's value")
public record CustomerValueResponse(
        @Schema(required = true) UUID contactId,
        @Schema(required = true, description = "Net revenue in the policy window, CNY") BigDecimal revenue,
        @Schema(required = true, description = "Purchases in the window (fully refunded ones do not count)") int purchaseCount,
        @Schema(required = true) BigDecimal averageOrder,
        @Schema(required = true) Instant firstPurchaseAt,
        @Schema(required = true) Instant lastPurchaseAt,
        @Schema(enumeration = {"A", "B", "C", "INACTIVE"}, description = "Empty until the first recompute") String abcTier,
        @Schema(enumeration = {"A", "B", "C", "D"}, description = "A core · B raise frequency · C grow value · D activate") String abcdQuadrant,
        @Schema(description = "What to do with a customer of this quadrant (SPEC §5)") String recommendedAction,
        @Schema(required = true) MembershipLevel membershipLevel,
        @Schema(description = "Recency 1–5 (5 = most recent)") Integer rfmRecency,
        @Schema(description = "Frequency 1–5") Integer rfmFrequency,
        @Schema(description = "Monetary 1–5") Integer rfmMonetary,
        @Schema(description = "average order × yearly purchases × expected lifetime years, CNY") BigDecimal clv,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) Instant computedAt) {
}
