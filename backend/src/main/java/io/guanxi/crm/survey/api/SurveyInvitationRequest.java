package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyInvitationRequest", description = "An invitation made by hand")
public record SurveyInvitationRequest(
        @NotNull @Schema(description = "NPS (0–10) or CSAT (1–5)", examples = "NPS") SurveyTemplate template) {
}
