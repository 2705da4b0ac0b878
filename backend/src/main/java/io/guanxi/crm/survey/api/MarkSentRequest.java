package io.guanxi.crm.survey.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MarkSentRequest", description = "How the gateway delivered the invitation")
public record MarkSentRequest(@NotNull @Schema(examples = "SMS") SendChannel channel) {
}
