package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublicSurvey", description = "What the public survey page shows: the question (by its template and scale), the "
        + "customer's first name when it can be told, and the company's name. Nothing else about the customer.")
public record PublicSurveyResponse(
        @Schema(required = true, description = "NPS: how likely are you to recommend us (0–10); CSAT: how satisfied are you (1–5)")
        SurveyTemplate template,
        @Schema(required = true) int scaleMin,
        @Schema(required = true) int scaleMax,
        @Schema(required = true) int commentMaxLength,
        @Schema(nullable = true, description = "Absent for Chinese names (surname first) and single-word names") String firstName,
        @Schema(required = true) String companyName) {
}
