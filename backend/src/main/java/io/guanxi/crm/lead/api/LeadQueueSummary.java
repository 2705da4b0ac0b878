package io.guanxi.crm.lead.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many leads wait in a queue, and the first of them, highest score first. */
@Schema(name = "LeadQueueSummary")
public record LeadQueueSummary(@Schema(required = true) long total, @Schema(required = true) List<WaitingLead> first) {
}
