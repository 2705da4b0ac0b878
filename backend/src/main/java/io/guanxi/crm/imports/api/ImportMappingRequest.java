package io.guanxi.crm.imports.api;

import io.guanxi.crm.imports.ImportField;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The field of each column, in column order (null: the column is ignored). Each field at most once; NAME is required. */
@Schema(name = "ImportMappingRequest")
public record ImportMappingRequest(
        @NotNull @Size(max = 200) @Schema(examples = "[\"NAME\", \"MOBILE\", null, \"COMPANY\"]") List<ImportField> fields) {
}
