package io.guanxi.crm.campaign.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A campaign's figures, for everyone or one rep: targets; reached (REACHED, DECLINED or BOOKED: someone spoke
 * with them); each outcome; pending (nothing recorded yet); purchased (bought within the purchase window after
 * the launch); conversion = purchased ÷ targets (0 without targets).
 */
@Schema(name = "CampaignCounts")
public record CampaignCounts(
        @Schema(nullable = true, description = "The rep (empty on the campaign's totals)") UUID assigneeId,
        @Schema(nullable = true) String assigneeName,
        @Schema(required = true) long targets,
        @Schema(required = true) long reached,
        @Schema(required = true) long outcomeReached,
        @Schema(required = true) long noAnswer,
        @Schema(required = true) long declined,
        @Schema(required = true) long booked,
        @Schema(required = true) long pending,
        @Schema(required = true) long purchased,
        @Schema(required = true, description = "purchased ÷ targets, 4 decimals", examples = "0.1250") BigDecimal conversion) {
}
