package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.ComplaintAction;
import io.guanxi.crm.complaint.ComplaintCategory;
import io.guanxi.crm.complaint.ComplaintChannel;
import io.guanxi.crm.complaint.ComplaintState;
import io.guanxi.crm.complaint.Severity;
import io.guanxi.crm.complaint.SlaDeadline;
import io.guanxi.crm.complaint.SlaStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Complaint")
public record ComplaintResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        String contactName,
        @Schema(required = true) ComplaintChannel channel,
        @Schema(required = true) ComplaintCategory category,
        @Schema(required = true) Severity severity,
        @Schema(required = true) String description,
        UUID relatedPurchaseId,
        @Schema(required = true) ComplaintState state,
        @Schema(required = true, description = "What may be done next") List<ComplaintAction> allowedActions,
        UUID assigneeId,
        String assigneeName,
        String acknowledgement,
        String apology,
        ComplaintCategory attributedCause,
        String causeExplanation,
        List<String> options,
        @Schema(description = "1-based") Integer chosenOption,
        String resolutionNote,
        @Schema(required = true, description = "Points given as compensation so far") long compensationPoints,
        Integer satisfaction,
        String satisfactionComment,
        @Schema(required = true) Sla sla,
        @Schema(required = true) int reopenCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version,
        @Schema(description = "Every transition, oldest first (single complaint only)") List<ComplaintEventResponse> events) {

    /** The SLA clock: what is due next, and what was breached. */
    @Schema(name = "ComplaintSla")
    public record Sla(
            @Schema(required = true, description = "Computed by the server at the time of the response: the current deadline "
                    + "against the severity's warning time, or whether every deadline was kept once the complaint is done") SlaStatus status,
            @Schema(required = true) Instant receivedAt,
            @Schema(required = true) Instant acknowledgeDueAt,
            Instant acknowledgedAt,
            @Schema(required = true) Instant resolveDueAt,
            Instant resolvedAt,
            @Schema(description = "24 hours after the resolution") Instant followUpDueAt,
            Instant followedUpAt,
            @Schema(description = "The next deadline of the current step; empty when nothing is due") Instant nextDueAt,
            @Schema(required = true, description = "The deadlines missed") List<SlaDeadline> breached,
            Instant escalatedAt,
            UUID escalatedTo) {
    }
}
