package io.guanxi.crm.imports.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dry run found: data rows, valid and invalid ones, duplicate groups and the rows in them. */
@Schema(name = "ImportCounts")
public record ImportCounts(int rows, int valid, int invalid, int groups, int rowsInGroups) {
}
