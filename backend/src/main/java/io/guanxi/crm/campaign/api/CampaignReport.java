package io.guanxi.crm.campaign.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's results over the targets the caller may see, in total and per rep (most targets first). */
@Schema(name = "CampaignReport")
public record CampaignReport(@Schema(required = true) UUID campaignId, @Schema(required = true) int purchaseWindowDays,
        @Schema(required = true) CampaignCounts total, @Schema(required = true) List<CampaignCounts> reps) {
}
