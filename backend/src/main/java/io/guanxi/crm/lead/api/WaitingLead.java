package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.LeadScoring;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead nobody has contacted yet, and since when it waits (assigned, or made when never assigned). */
@Schema(name = "WaitingLead")
public record WaitingLead(@Schema(required = true) UUID id, @Schema(required = true) UUID contactId, String contactName,
        @Schema(required = true) BigDecimal score, @Schema(required = true) LeadScoring.Level level,
        @Schema(required = true) Instant waitingSince) {
}
