package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.Direction;
import io.guanxi.crm.interaction.InteractionChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record InteractionRequest(
        @NotNull InteractionChannel channel,
        @NotNull Direction direction,
        @Schema(description = "When it happened (UTC); now when omitted; not in the future")
        Instant occurredAt,
        @NotBlank @Size(max = 4000) @Schema(examples = "电话回访：客户对报价满意，下周三安排上门演示") String summary,
        @Valid @Schema(description = "Plan the next follow-up in the same request (an activity for you)") NextFollowUp nextFollowUp) {
}
