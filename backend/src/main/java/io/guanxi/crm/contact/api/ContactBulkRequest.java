package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.ContactBulkAction;
import io.guanxi.crm.contact.LifecycleStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkRequest", description = "An action and a selection; the action's own field is required "
        + "(ownerId for ASSIGN_OWNER, tags for ADD_TAGS and REMOVE_TAGS, lifecycleStage for SET_LIFECYCLE_STAGE, campaign "
        + "for START_CARE_CAMPAIGN)")
public record ContactBulkRequest(
        @NotNull @Schema(required = true) ContactBulkAction action,
        @NotNull @Valid @Schema(required = true) ContactBulkSelection selection,
        @Schema(nullable = true, description = "ASSIGN_OWNER: the new owner, an active rep or manager") UUID ownerId,
        @Size(min = 1, max = 20) @Schema(nullable = true, description = "ADD_TAGS, REMOVE_TAGS", examples = "[\"VIP\"]")
        List<@NotBlank @Size(max = 32) String> tags,
        @Schema(nullable = true, description = "SET_LIFECYCLE_STAGE") LifecycleStage lifecycleStage,
        @Valid @Schema(nullable = true, description = "START_CARE_CAMPAIGN") ContactBulkCampaign campaign,
        @Size(max = 200) @Schema(nullable = true, description = "ASSIGN_OWNER: why, shown to the new owner with each lead")
        String note) {
}
