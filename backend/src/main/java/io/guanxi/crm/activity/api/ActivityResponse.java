package io.guanxi.crm.activity.api;

import io.guanxi.crm.activity.ActivityKind;
import io.guanxi.crm.activity.ActivityPriority;
import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.ActivityStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity")
public record ActivityResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(description = "The customer's name, when you may see the customer") String contactName,
        UUID leadId,
        UUID complaintId,
        @Schema(required = true) ActivityKind kind,
        String title,
        String note,
        @Schema(required = true) UUID assigneeId,
        String assigneeName,
        @Schema(required = true) Instant dueAt,
        @Schema(required = true, description = "Due on a day, not at a time; dueDate says which") boolean allDay,
        @Schema(description = "The due day (business time zone) of an all-day activity") LocalDate dueDate,
        @Schema(required = true, description = "Open and past its due time (or the end of its due day)") boolean overdue,
        @Schema(required = true) ActivityPriority priority,
        @Schema(required = true) ActivityStatus status,
        String outcome,
        @Schema(description = "The rule that made it; absent when a person did (createdBy)") ActivityRule originRule,
        @Schema(required = true, description = "The rule's parameters for the translated text: days (LEAD_NO_INTERACTION), "
                + "missed = ACKNOWLEDGE|RESOLVE|FOLLOW_UP (COMPLAINT_ESCALATED), days (SERVICE_HANDOFF), occasion and date "
                + "(CARE_CALL, CARE_GREETING), messageZh and messageEn: the greeting to send (CARE_GREETING), campaignId and campaign (CAMPAIGN), planId and plan (WINBACK), score (SURVEY_DETRACTOR), month (CHURN_INVESTIGATION)") Map<String, String> originParams,
        UUID createdBy,
        @Schema(required = true) Instant createdAt,
        UUID completedBy,
        Instant completedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {
}
