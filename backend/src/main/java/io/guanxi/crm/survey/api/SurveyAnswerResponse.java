package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import io.guanxi.crm.survey.SurveyTrigger;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyAnswer", description = "A customer's answer to a survey")
public record SurveyAnswerResponse(
        @Schema(required = true) UUID invitationId,
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String contactName,
        @Schema(nullable = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(required = true) SurveyTemplate template,
        @Schema(required = true) SurveyTrigger trigger,
        @Schema(required = true) int score,
        @Schema(nullable = true) String comment,
        @Schema(required = true) Instant answeredAt) {
}
