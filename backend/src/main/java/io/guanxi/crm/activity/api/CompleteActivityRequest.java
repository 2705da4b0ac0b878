package io.guanxi.crm.activity.api;

import io.guanxi.crm.interaction.Direction;
import io.guanxi.crm.interaction.InteractionChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Done: what came of it, optionally logged as an interaction, optionally with the next follow-up. */
@Schema(name = "CompleteActivityRequest")
public record CompleteActivityRequest(
        @Size(max = 2000) @Schema(examples = "客户确认周三上午演示") String outcome,
        @Schema(description = "Also log an interaction with the customer (its summary is the outcome, which is then required)")
        Boolean logInteraction,
        @Schema(description = "The interaction's channel; the kind's usual one when omitted (a call: PHONE)") InteractionChannel channel,
        @Schema(description = "OUTBOUND when omitted") Direction direction,
        @Valid @Schema(description = "Schedule the next follow-up in the same step") NextActivity next) {
}
