package io.guanxi.crm.campaign.api;

import io.guanxi.crm.campaign.CampaignOutcome;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One customer a launched campaign reaches, and what came of it. */
@Schema(name = "CampaignTarget")
public record CampaignTargetResponse(
        @Schema(required = true) UUID campaignId,
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String contactName,
        @Schema(required = true, description = "Whose list the activity went on (the customer's owner at the launch)") UUID assigneeId,
        @Schema(required = true) UUID activityId,
        @Schema(nullable = true, description = "Empty until recorded") CampaignOutcome outcome,
        @Schema(nullable = true) Instant outcomeAt,
        @Schema(nullable = true) UUID outcomeBy,
        @Schema(required = true, description = "Bought within the campaign's purchase window") boolean purchased,
        @Schema(required = true) long version) {
}
