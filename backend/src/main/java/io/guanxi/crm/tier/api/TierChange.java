package io.guanxi.crm.tier.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierChange")
public record TierChange(
        @Schema(required = true, enumeration = {"ABC", "ABCD", "LEVEL"}) String dimension,
        @Schema(description = "Empty for the first value") String from,
        @Schema(required = true) String to,
        @Schema(required = true, enumeration = {"RECOMPUTE", "REVIEW", "PURCHASE"}, description = "RECOMPUTE, REVIEW (periodic level review) or PURCHASE (immediate upgrade)") String cause,
        @Schema(description = "The recompute job that decided it") UUID jobId,
        @Schema(required = true) Instant changedAt) {
}
