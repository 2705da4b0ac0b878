package io.guanxi.crm.savedview.api;

import io.guanxi.crm.savedview.SavedViewList;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A view to save or change: which list, its name, the list's query, and whether the team sees it. */
@Schema(name = "SavedViewRequest")
public record SavedViewRequest(
        @NotNull @Schema(required = true, description = "Cannot change once saved") SavedViewList list,
        @NotBlank @Size(max = 60) @Schema(required = true, examples = "华东 A 类客户") String name,
        @NotNull @Size(max = 20) @Schema(required = true, description = "The list's URL parameters, each with 1–20 values of "
                + "1–200 characters; the keys each list accepts are in docs/search.md (no page: a view opens at the first page)",
                examples = "{\"region\": [\"EAST\"], \"abcTier\": [\"A\"], \"sort\": [\"lastContactedAt,desc\"]}")
        Map<@NotBlank @Size(max = 40) String, @NotNull @Size(min = 1, max = 20) List<@NotNull @Size(min = 1, max = 200) String>> query,
        @Schema(description = "Visible to the whole team; managers and admins only (false when omitted)") Boolean shared) {
}
