package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportDecision;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Decisions per duplicate group (by group id); {@code all} applies to every group not named. The decisions replace
 * the ones given before; a group not decided takes its default (SKIP when an existing contact matches, FILL_EMPTY for
 * rows sharing a mobile or email, CREATE_ANYWAY for a MAYBE within the file).
 */
@Schema(name = "ImportDecisionsRequest")
public record ImportDecisionsRequest(
        @Size(max = 100000) @Schema(examples = "{\"r12\": \"OVERWRITE\"}") Map<@Size(max = 64) String, ImportDecision> groups,
        ImportDecision all) {
}
