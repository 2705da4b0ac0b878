package io.guanxi.crm.campaign.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many customers a segment reaches for the caller now, and the first few by name. */
@Schema(name = "SegmentPreview")
public record SegmentPreview(@Schema(required = true) long count, @Schema(required = true) List<SegmentMember> sample) {
}
