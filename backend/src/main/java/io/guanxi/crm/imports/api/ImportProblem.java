package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A problem of one cell found by the dry run: the row as the file numbers it, the column letter, the field and a
 * code the web app translates (REQUIRED, INVALID_MOBILE, INVALID_EMAIL, INVALID_DATE, FUTURE_DATE, UNKNOWN_REGION,
 * UNKNOWN_SOURCE, TOO_LONG, TOO_MANY_TAGS, INVALID_TEXT).
 */
@Schema(name = "ImportProblem")
public record ImportProblem(int row, @Schema(required = true, examples = "B") String column, ImportField field,
        @Schema(required = true, examples = "INVALID_MOBILE") String code) {
}
