package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportField;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A column of the file: its header (as written), the field it is mapped to (absent: ignored) and a few sample values. */
@Schema(name = "ImportColumn")
public record ImportColumn(int index, @Schema(required = true, examples = "B") String letter,
        @Schema(required = true, examples = "手机号") String header, ImportField field, @Schema(required = true) List<String> samples) {
}
