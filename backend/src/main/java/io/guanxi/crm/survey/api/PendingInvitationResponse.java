package io.guanxi.crm.survey.api;

import io.guanxi.crm.contact.ContactChannel;
import io.guanxi.crm.survey.SurveyTemplate;
import io.guanxi.crm.survey.SurveyTrigger;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PendingSurveyInvitation", description = "An invitation waiting for a gateway (SMS, WeChat) to deliver it")
public record PendingInvitationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String name,
        @Schema(nullable = true) String mobile,
        @Schema(nullable = true) String wechatId,
        @Schema(nullable = true) ContactChannel preferredChannel,
        @Schema(required = true) SurveyTemplate template,
        @Schema(required = true) SurveyTrigger trigger,
        @Schema(required = true, description = "The personal link to send") String link,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant expiresAt) {
}
