package io.guanxi.crm.survey.api;

import io.guanxi.crm.survey.SurveyTemplate;
import io.guanxi.crm.survey.SurveyTrigger;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyInvitation", description = "A personal survey invitation of a customer, with its answer once given")
public record SurveyInvitationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(required = true) SurveyTemplate template,
        @Schema(required = true) SurveyTrigger trigger,
        @Schema(required = true) SurveyInvitationStatus status,
        @Schema(required = true, description = "The personal link the customer opens: <public base url>/s/<token>") String link,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant expiresAt,
        @Schema(nullable = true, description = "When a gateway delivered it") Instant sentAt,
        @Schema(nullable = true) SendChannel sentChannel,
        @Schema(nullable = true) Integer score,
        @Schema(nullable = true) String comment,
        @Schema(nullable = true) Instant answeredAt) {
}
