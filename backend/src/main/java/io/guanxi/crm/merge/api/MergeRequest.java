package io.guanxi.crm.merge.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A merge of 2–5 contacts into one: the survivor and the others, each with the ETag the user saw (so a
 * contact changed since is a 412), and for each field the contact whose value the survivor keeps.
 */
public record MergeRequest(
        @Schema(required = true, description = "The contact that stays") @NotNull @Valid MergeParty survivor,
        @Schema(required = true, description = "The contacts merged into it (1–4)") @NotNull @Size(min = 1, max = 4) List<@NotNull @Valid MergeParty> others,
        @Schema(description = "Field → the id of the contact (survivor or other) whose value the survivor keeps; a field not "
                + "named keeps the survivor's. Fields: name, mobile, email, wechatId, company, industry, region, city, birthday, "
                + "sourceChannel, preferredChannel, hiddenNeeds, personalityType, lifecycleStage, ownerId, referredById. Tags "
                + "are always the union.", example = "{\"mobile\": \"0b8f0c1e-5f7e-4f55-9d7e-3a1f5c2b9e01\"}")
        @Size(max = 20) Map<@Size(max = 64) String, UUID> choices) {
}
