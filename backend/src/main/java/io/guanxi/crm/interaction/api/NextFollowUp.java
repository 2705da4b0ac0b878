package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.InteractionChannel;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The next follow-up to plan with this interaction: an activity for you about the same customer. */
@Schema(name = "NextFollowUp")
public record NextFollowUp(
        @Schema(description = "How to follow up; the interaction's channel when omitted") InteractionChannel channel,
        @Schema(description = "Due at this time (UTC); give this or dueDate") Instant dueAt,
        @Schema(description = "Due on this day (business time zone)") LocalDate dueDate,
        @Size(max = 2000) @Schema(examples = "周三上午上门演示") String note) {
}
