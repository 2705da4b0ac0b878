package io.guanxi.crm.campaign.api;

import io.guanxi.crm.campaign.CampaignCategory;
import io.guanxi.crm.campaign.CampaignState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign")
public record CampaignResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true) CampaignCategory category,
        @Schema(required = true) Segment segment,
        @Schema(required = true) String script,
        @Schema(required = true) LocalDate startsOn,
        @Schema(required = true) LocalDate endsOn,
        @Schema(required = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(required = true) int purchaseWindowDays,
        @Schema(required = true) CampaignState state,
        @Schema(required = true, description = "Whether it reaches only customers with marketing consent (MARKETING, MIXED)")
        boolean marketingConsentOnly,
        @Schema(required = true, description = "Targets you may see (0 before the launch)") long targets,
        @Schema(required = true) UUID createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(nullable = true) Instant launchedAt,
        @Schema(nullable = true) UUID launchedBy,
        @Schema(nullable = true) Instant closedAt,
        @Schema(required = true) long version) {
}
