package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import io.guanxi.crm.survey.SurveyTrigger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyPolicy", description = "The survey policy: how long an invitation lasts, how often a customer may be asked, "
        + "and which triggers invite")
public record SurveyPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) int expiryDays,
        @Schema(required = true) int minDaysBetween,
        @Schema(required = true) List<SurveyTrigger> triggers,
        @Schema(required = true) int periodicMonths,
        @Schema(required = true) SurveyTemplate complaintTemplate,
        @Schema(required = true) SurveyTemplate purchaseTemplate,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) UUID createdBy) {
}
