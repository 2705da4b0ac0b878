package io.guanxi.crm.lead.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Of the leads assigned in a period, how many were reached (an interaction) within 24 hours. */
@Schema(name = "LeadReach")
public record LeadReach(@Schema(required = true) long assigned, @Schema(required = true) long contactedWithinADay) {
}
