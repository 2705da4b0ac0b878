package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.LeadStatus;
import io.guanxi.crm.lead.LostReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead moves on: NEW, CONTACTED, QUALIFIED or LOST (with why); CONVERTED is /convert. */
@Schema(name = "MoveLeadRequest")
public record MoveLeadRequest(
        @NotNull LeadStatus status,
        @Schema(description = "Required for LOST") LostReason lostReason,
        @Size(max = 500) @Schema(description = "More on why it was lost", examples = "客户选择了竞品的年度套餐") String lostNote) {
}
