package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportDecision;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rows of the file (and existing contacts) that may be one person: SURE when they share a mobile or email, MAYBE when
 * only the name's pinyin and the company agree. The decision in force (the default until one is given).
 */
@Schema(name = "ImportGroup")
public record ImportGroup(@Schema(examples = "r12") String id, @Schema(enumeration = {"SURE", "MAYBE"}) String kind, List<Integer> rows,
        List<ImportExisting> existing, ImportDecision decision) {
}
