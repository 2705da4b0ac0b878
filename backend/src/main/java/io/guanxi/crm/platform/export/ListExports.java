package io.guanxi.crm.platform.export;

import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The common part of every list's export ({@code GET /api/v1/<list>/export}): the format, columns and
 * ids parameters, headers in the reader's language, the file name, the {@code EXPORT} audit entry, and
 * the choice between streaming the file now and writing it as a background job (more rows than
 * {@code guanxi.export.async-threshold}, or {@code async=true}) that the requester alone downloads
 * later from {@code /api/v1/exports/{id}/file}. The list's own feature supplies the rows: its own
 * filters and visibility, cells as its list shows them.
 */
@ApplicationScoped
public class ListExports {

    /** Most ids an explicit selection may name: 200 ids (7.4 kB) keep the URL under the 8 kB request-line limit. */
    public static final int MAX_IDS = 200;
    static final String KIND_PREFIX = "export:";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    /** Rows between two progress reports of a job. */
    private static final int PROGRESS_EVERY = 10_000;

    /** Writes the rows (the header is written already) and says how many; calls progress now and then. */
    @FunctionalInterface
    public interface Body {
        long write(TableWriter writer, LongConsumer progress) throws IOException;
    }

    /** One export: which list, in which format, which columns, the filters as the caller gave them (for the audit). */
    public record Export<R>(String list, ExportFormat format, List<ExportColumn<R>> columns, ExportLabels labels,
            Map<String, String> filters) {
    }

    /** A list operation of a feature, called page by page ({@code page}, {@code size}); its own filters and visibility. */
    @FunctionalInterface
    public interface PageSource<R> {
        PageResponse<R> page(int page, int size);
    }

    /** Most rows a list exported page by page (not as a job) may have; narrower filters beyond. */
    public static final long PAGED_MAX_ROWS = 100_000;

    @Inject
    Jobs jobs;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    GuanxiConfig config;

    /** Where export jobs write their files; the system's temporary directory when not set. */
    @ConfigProperty(name = "guanxi.export.directory")
    java.util.Optional<String> configuredDirectory;

    @ConfigProperty(name = "guanxi.export.async-threshold", defaultValue = "100000")
    long asyncThreshold;

    @ConfigProperty(name = "guanxi.export.keep", defaultValue = "PT24H")
    Duration keep;

    /** csv (the default) or xlsx, in any case; anything else is a 400. */
    public ExportFormat format(String value) {
        if (value == null || value.isBlank()) {
            return ExportFormat.CSV;
        }
        try {
            return ExportFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("format", "must be csv or xlsx");
        }
    }

    /** The columns named (comma-separated, in this order), or all of them; an unknown or repeated name is a 400. */
    public <R> List<ExportColumn<R>> columns(String value, List<ExportColumn<R>> all) {
        if (value == null || value.isBlank()) {
            return all;
        }
        Map<String, ExportColumn<R>> byName = new LinkedHashMap<>();
        all.forEach(c -> byName.put(c.name(), c));
        List<ExportColumn<R>> chosen = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String key = name.strip();
            ExportColumn<R> column = byName.get(key);
            if (column == null) {
                throw ProblemException.invalidField("columns", "unknown column; one of " + String.join(", ", byName.keySet()));
            }
            if (!seen.add(key)) {
                throw ProblemException.invalidField("columns", "a column is named twice");
            }
            chosen.add(column);
        }
        return chosen;
    }

    /** An explicit selection (comma-separated ids, at most {@value #MAX_IDS}), or null for "all matching". */
    public Set<UUID> ids(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            try {
                ids.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("ids", "must be comma-separated ids");
            }
            if (ids.size() > MAX_IDS) {
                throw ProblemException.invalidField("ids", "at most " + MAX_IDS + " ids; export by filters instead");
            }
        }
        return ids;
    }

    /** A row's cells in the order of the columns chosen. */
    public static <R> List<Object> cells(R row, Export<R> export) {
        List<Object> cells = new ArrayList<>(export.columns().size());
        for (ExportColumn<R> column : export.columns()) {
            cells.add(column.cell().apply(row, export.labels()));
        }
        return cells;
    }

    /**
     * Streams the file now, or (more rows than the threshold, or async) accepts a job: 202 with the job and
     * its Location. The body of a job runs on a background thread: it must have taken everything that
     * depends on the caller (visibility) before, and open its own transaction.
     */
    public <R> Response respond(Export<R> export, long expectedRows, boolean async, Body body) {
        String name = export.list() + "-" + STAMP.format(clock.instant().atZone(zone())) + "." + export.format().extension();
        if (async || expectedRows > asyncThreshold) {
            UUID requester = user.id();
            JobResponse job = jobs.start(kindFor(requester), requester, progress -> {
                Path directory = directory();
                try {
                    long rows;
                    try (OutputStream out = new BufferedOutputStream(ExportFiles.create(directory, progress.jobId(), export.format()),
                            64 * 1024)) {
                        rows = write(export, out, body, n -> progress.update("writing", n, expectedRows));
                    } catch (IOException | RuntimeException e) {
                        // A failed job leaves no half-written file behind.
                        Files.deleteIfExists(ExportFiles.jobFile(directory, progress.jobId(), export.format()));
                        throw e;
                    }
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("rows", rows);
                    report.put("fileName", name);
                    report.put("format", export.format().name());
                    report.put("expiresAt", clock.instant().plus(keep).toString());
                    return report;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            record(export, name, job.id());
            return Response.accepted(job).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON).location(URI.create("/api/v1/exports/" + job.id())).build();
        }
        StreamingOutput file = out -> write(export, out, body, n -> {
        });
        record(export, name, null);
        return Response.ok(file, export.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Exports a list by calling its own list operation {@value PageRequest#MAX_SIZE} rows at a time, while the file
     * streams: the filters, visibility and masking are the list's by construction. For the lists that stay
     * small (leads, purchases, complaints, activities); more than {@link #PAGED_MAX_ROWS} rows is a 400 (narrow
     * the filters). An explicit selection keeps only the rows with these ids.
     */
    public <R> Response respondPaged(Export<R> export, PageSource<R> source, Set<UUID> ids, java.util.function.Function<R, UUID> idOf) {
        long total = source.page(0, 1).total();
        if (total > PAGED_MAX_ROWS) {
            throw ProblemException.invalidField("filters", "more than " + PAGED_MAX_ROWS + " rows match; narrow the filters");
        }
        return respond(export, total, false, (writer, progress) -> {
            long written = 0;
            int size = PageRequest.MAX_SIZE;
            for (int page = 0; (long) page * size < total; page++) {
                List<R> items = source.page(page, size).items();
                for (R row : items) {
                    if (ids == null || ids.contains(idOf.apply(row))) {
                        writer.row(cells(row, export));
                        progress.accept(++written);
                    }
                }
                if (items.size() < size) {
                    break;
                }
            }
            return written;
        });
    }

    private <R> long write(Export<R> export, OutputStream out, Body body, LongConsumer progress) throws IOException {
        try (TableWriter writer = TableWriter.open(export.format(), out, zone())) {
            List<String> headers = export.columns().stream().map(c -> export.labels().get("export." + export.list() + "." + c.name())).toList();
            writer.table(export.labels().get("export." + export.list() + ".sheet"), headers);
            return body.write(writer, n -> {
                if (n % PROGRESS_EVERY == 0) {
                    progress.accept(n);
                }
            });
        }
    }

    private void record(Export<?> export, String name, UUID jobId) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("file", null, name));
        changes.add(new FieldChange("columns", null, String.join(",", export.columns().stream().map(ExportColumn::name).toList())));
        export.filters().forEach((k, v) -> changes.add(new FieldChange("filter." + k, null, v)));
        if (jobId != null) {
            changes.add(new FieldChange("job", null, jobId.toString()));
        }
        audit.record(AuditAction.EXPORT, export.list(), null, null, changes);
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    Path directory() {
        return configuredDirectory.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "guanxi-exports"));
    }

    Duration keep() {
        return keep;
    }

    /** One running export per user (job kinds are at most 32 characters: the user id in base64). */
    static String kindFor(UUID userId) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits());
        return KIND_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
