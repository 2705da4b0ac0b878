package io.guanxi.crm.campaign.api;

import io.guanxi.crm.campaign.CampaignOutcome;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CampaignOutcomeRequest")
public record OutcomeRequest(@NotNull @Schema(required = true) CampaignOutcome outcome) {
}
