package io.guanxi.crm.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A manager hands one or many open leads, with their customers, to a rep, saying why. */
@Schema(name = "ReassignLeadsRequest")
public record ReassignLeadsRequest(
        @NotEmpty @Size(max = 200) List<@NotNull UUID> leadIds,
        @NotNull @Schema(description = "An active sales rep or manager") UUID ownerId,
        @NotBlank @Size(max = 500) @Schema(examples = "张晓明休假，客户由李娜跟进") String reason) {
}
