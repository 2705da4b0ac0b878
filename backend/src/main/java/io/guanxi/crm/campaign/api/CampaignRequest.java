package io.guanxi.crm.campaign.api;

import io.guanxi.crm.campaign.CampaignCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's editable fields, for create and full update (while it is a draft). */
@Schema(name = "CampaignRequest")
public record CampaignRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "中秋回访") String name,
        @NotNull @Schema(required = true) CampaignCategory category,
        @NotNull @Valid @Schema(required = true) Segment segment,
        @NotBlank @Size(max = 4000) @Schema(required = true, description = "What the rep says", examples = "您好，中秋将至……")
        String script,
        @NotNull @Schema(required = true, description = "The first day of the window (business time zone)") LocalDate startsOn,
        @NotNull @Schema(required = true, description = "The last day of the window; the activities fall overdue after it")
        LocalDate endsOn,
        @Schema(description = "The person responsible (managers and admins; a rep's campaign is their own); the caller when omitted")
        UUID ownerId,
        @Min(1) @Max(365) @Schema(description = "A target counts as purchased when they buy within this many days of the launch; "
                + "30 when omitted") Integer purchaseWindowDays) {
}
