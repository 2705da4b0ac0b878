package io.guanxi.crm.imports.api;

import io.guanxi.crm.platform.jobs.JobResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An import: the file as read (format, detected encoding, header row), the column mapping, the dry run's counts, its
 * first problems and duplicate groups (all problems: GET …/errors), and after the commit its job and result.
 */
@Schema(name = "ImportResponse")
public record ImportResponse(@Schema(required = true) UUID id, @Schema(required = true) String fileName,
        @Schema(required = true, enumeration = {"CSV", "XLSX"}) String format,
        @Schema(description = "CSV only: UTF-8, UTF-8-BOM or GB18030 (GBK files read as GB18030)") String encoding,
        @Schema(required = true, enumeration = {"PREVIEW", "COMMITTING", "COMMITTED", "FAILED", "UNDONE"}) String state,
        @Schema(description = "The row holding the headers, as the file numbers it") int headerRow,
        @Schema(required = true) List<ImportColumn> columns, @Schema(required = true) ImportCounts counts,
        @Schema(required = true, description = "The first 100 problems; GET /api/v1/imports/{id}/errors has them all") List<ImportProblem> problems,
        @Schema(required = true, description = "The first 200 duplicate groups; counts.groups says how many there are") List<ImportGroup> groups,
        UUID jobId, @Schema(description = "The commit's job: phase and progress (processed of total)") JobResponse job,
        ImportResult result, @Schema(required = true) Instant createdAt, Instant committedAt, Instant undoneAt,
        @Schema(description = "Until when the commit can be undone") Instant undoUntil, long version) {
}
