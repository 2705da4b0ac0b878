package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import io.guanxi.crm.survey.SurveyTrigger;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyPolicyRequest", description = "A new version of the survey policy (admins)")
public record SurveyPolicyRequest(
        @NotNull @Min(1) @Max(90) @Schema(description = "An invitation can be answered for this many days", examples = "14")
        Integer expiryDays,
        @NotNull @Min(0) @Max(730) @Schema(description = "At most one invitation per customer within this many days", examples = "90")
        Integer minDaysBetween,
        @NotNull @Size(max = 4) @Schema(description = "The automatic triggers that are on (MANUAL is always possible and ignored here)")
        Set<@NotNull SurveyTrigger> triggers,
        @NotNull @Min(1) @Max(36) @Schema(description = "The periodic relationship survey (NPS) asks a customer again after this many months",
                examples = "12") Integer periodicMonths,
        @NotNull @Schema(description = "The question asked after a complaint is closed") SurveyTemplate complaintTemplate,
        @NotNull @Schema(description = "The question asked after a purchase") SurveyTemplate purchaseTemplate) {
}
