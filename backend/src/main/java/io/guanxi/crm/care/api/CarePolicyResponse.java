package io.guanxi.crm.care.api;

import io.guanxi.crm.care.Occasion;
import io.guanxi.crm.tier.MembershipLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CarePolicy", description = "The care policy: which occasions make care activities, when, and which customers get a "
        + "personal call (service: no consent needed) rather than a greeting message (marketing: only with consent)")
public record CarePolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) int daysBefore,
        @Schema(required = true) List<Occasion> occasions,
        @Schema(required = true) List<String> callAbcTiers,
        @Schema(nullable = true) MembershipLevel callMinLevel,
        @Schema(required = true) String greetingZh,
        @Schema(required = true) String greetingEn,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) UUID createdBy) {
}
