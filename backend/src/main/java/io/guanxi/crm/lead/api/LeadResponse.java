package io.guanxi.crm.lead.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.lead.AssignmentKind;
import io.guanxi.crm.lead.LeadScoring;
import io.guanxi.crm.lead.LeadStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Lead")
public record LeadResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        String contactName,
        @Schema(required = true) SourceChannel sourceChannel,
        String productInterest,
        String industry,
        Region region,
        BigDecimal budget,
        String notes,
        @Schema(required = true) LeadStatus status,
        @Schema(description = "Why it was lost (LOST only)") io.guanxi.crm.lead.LostReason lostReasonCode,
        @Schema(description = "The note on why it was lost (LOST only)") String lostReason,
        UUID ownerId,
        String ownerName,
        @Schema(required = true, description = "0–100; see /score for how it was reached. 0 and meaningless when scoring is "
                + "NOT_SCORED_AT_CUSTOMER_REQUEST") BigDecimal score,
        @Schema(required = true, description = "NOT_SCORED_AT_CUSTOMER_REQUEST when the customer objected to profiling (PIPL "
                + "Art. 24): the lead is left out of scoring and shown so, never silently") io.guanxi.crm.consent.ScoringState scoring,
        @Schema(required = true) LeadScoring.Level level,
        @Schema(required = true) int matchScore,
        @Schema(required = true) int activityCount,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) Instant scoredAt,
        Instant assignedAt,
        AssignmentKind assignmentKind,
        @Schema(description = "The name assignmentKind refers to: the rule (RULE), the manager (MANAGER), the rep who claimed it "
                + "(CLAIMED), the existing owner (EXISTING_CUSTOMER); absent otherwise. A name, not a sentence: the web app "
                + "words the kind in the reader's language.")
        String assignmentReason,
        @Schema(description = "What the manager wrote when handing it over") String assignmentNote,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {
}
