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
public record ImportResponse(UUID id, String fileName, @Schema(enumeration = {"CSV", "XLSX"}) String format,
        @Schema(description = "CSV only: UTF-8, UTF-8-BOM or GB18030 (GBK files read as GB18030)") String encoding,
        @Schema(enumeration = {"PREVIEW", "COMMITTING", "COMMITTED", "FAILED", "UNDONE"}) String state,
        @Schema(description = "The row holding the headers, as the file numbers it") int headerRow,
        List<ImportColumn> columns, ImportCounts counts,
        @Schema(description = "The first 100 problems; GET /api/v1/imports/{id}/errors has them all") List<ImportProblem> problems,
        @Schema(description = "The first 200 duplicate groups; counts.groups says how many there are") List<ImportGroup> groups,
        UUID jobId, @Schema(description = "The commit's job: phase and progress (processed of total)") JobResponse job,
        ImportResult result, Instant createdAt, Instant committedAt, Instant undoneAt,
        @Schema(description = "Until when the commit can be undone") Instant undoUntil, long version) {
}
