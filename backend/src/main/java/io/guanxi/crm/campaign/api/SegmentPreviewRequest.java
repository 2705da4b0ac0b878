package io.guanxi.crm.campaign.api;

import io.guanxi.crm.campaign.CampaignCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A segment to preview, and the category of the campaign it is for (marketing and mixed need consent). */
@Schema(name = "SegmentPreviewRequest")
public record SegmentPreviewRequest(@NotNull @Valid @Schema(required = true) Segment segment,
        @NotNull @Schema(required = true) CampaignCategory category) {
}
