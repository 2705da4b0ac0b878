package io.guanxi.crm.campaign.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many customers a segment reaches for the caller now, and the first few by name. */
@Schema(name = "SegmentPreview")
public record SegmentPreview(@Schema(required = true) long count,
        @Schema(required = true, description = "Customers the segment matches but a marketing or mixed campaign leaves out: no "
                + "MARKETING consent (withdrawn, or never given); 0 for the other categories") long leftOutForConsent,
        @Schema(required = true) List<SegmentMember> sample) {
}
