package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportDecision;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rows of the file (and existing contacts) that may be one person: SURE when they share a mobile or email, MAYBE when
 * only the name's pinyin and the company agree. The decision in force (the default until one is given).
 */
@Schema(name = "ImportGroup")
public record ImportGroup(@Schema(required = true, examples = "r12") String id,
        @Schema(required = true, enumeration = {"SURE", "MAYBE"}) String kind, @Schema(required = true) List<Integer> rows,
        @Schema(required = true) List<ImportExisting> existing, @Schema(required = true) ImportDecision decision) {
}
