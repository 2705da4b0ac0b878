package io.guanxi.crm.survey.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyAnswerRequest", description = "The customer's answer")
public record SurveyAnswerRequest(
        @NotNull @Schema(description = "0–10 (NPS) or 1–5 (CSAT)", examples = "9") Integer score,
        @Size(max = 1000) @Schema(description = "An optional comment", examples = "服务很好") String comment) {
}
