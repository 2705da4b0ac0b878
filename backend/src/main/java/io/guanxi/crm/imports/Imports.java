package io.guanxi.crm.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.contact.ContactImportWriter;
import io.guanxi.crm.contact.api.ContactImportDraft;
import io.guanxi.crm.imports.api.ImportColumn;
import io.guanxi.crm.imports.api.ImportCounts;
import io.guanxi.crm.imports.api.ImportDecisionsRequest;
import io.guanxi.crm.imports.api.ImportExisting;
import io.guanxi.crm.imports.api.ImportGroup;
import io.guanxi.crm.imports.api.ImportProblem;
import io.guanxi.crm.imports.api.ImportResponse;
import io.guanxi.crm.imports.api.ImportResult;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.export.ExportFormat;
import io.guanxi.crm.platform.export.TableWriter;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contact imports (issue 20 §1, docs/import.md): upload and dry run, mapping, decisions, commit as a background job,
 * error report, undo within 7 days. An import is its importer's alone (anyone else gets 404). New contacts belong to
 * the importer. One commit or undo runs at a time, team-wide (job kind {@value #JOB_KIND}), so two imports never both
 * create the same person.
 */
@ApplicationScoped
public class Imports {

    static final String JOB_KIND = "contact-import";
    static final Duration UNDO_WINDOW = Duration.ofDays(7);
    private static final Duration UPLOAD_WINDOW = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(Imports.class);
    private static final int CHUNK = 5000;
    private static final int PREVIEW_PROBLEMS = 100;
    private static final int PREVIEW_GROUPS = 200;
    private static final int TRANSACTION_TIMEOUT_SECONDS = 1800;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    @Inject
    ImportRepository repository;

    @Inject
    ContactImportWriter writer;

    @Inject
    CurrentUser currentUser;

    @Inject
    Visibility visibility;

    @Inject
    Jobs jobs;


    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    GuanxiConfig config;

    /** The dry run's stored summary. */
    record Preview(ImportCounts counts, List<ImportProblem> problems, List<ImportGroup> groups) {
    }

    /** Who acts: the importer, whether they see and edit every customer. */
    record Importer(UUID id, boolean seesAll, boolean editsAll) {
    }

    /** The dry run of a file under a mapping. */
    record Analysis(List<RowCheck.Problem> problems, List<Duplicates.Candidate> valid, List<Duplicates.Group> groups, int rows) {
    }

    public long maxBytes() {
        return config.imports().maxBytes().asLongValue();
    }

    // ---- upload ----

    public ImportResponse upload(Path file, String fileName, long size) {
        if (size > maxBytes()) {
            throw tooLarge();
        }
        // Refused before the file is read when the limit is reached already; counted again, locked, where it is stored.
        UUID uploader = currentUser.id();
        QuarkusTransaction.requiringNew().run(() -> admitUpload(uploader));
        ImportFiles.Parsed parsed;
        String sha;
        try {
            parsed = ImportFiles.read(file);
            sha = sha256(file);
        } catch (IOException e) {
            throw ImportFiles.unreadable("The file cannot be read", "NOT_TABULAR");
        }
        if (parsed.lines().isEmpty()) {
            throw ImportFiles.unreadable("The file has no rows", "EMPTY");
        }
        int headerIndex = headerIndex(parsed.lines());
        ImportFiles.Line header = parsed.lines().get(headerIndex);
        List<ImportFiles.Line> data = parsed.lines().subList(headerIndex + 1, parsed.lines().size());
        if (data.isEmpty()) {
            throw ImportFiles.unreadable("The file has headers but no data rows", "NO_ROWS");
        }
        int width = Math.max(header.cells().size(), data.stream().mapToInt(l -> l.cells().size()).max().orElse(0));
        Importer importer = importer();
        List<String> headers = new ArrayList<>();
        List<ImportField> mapping = new ArrayList<>();
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (int i = 0; i < width; i++) {
            String text = i < header.cells().size() ? header.cells().get(i) : null;
            headers.add(text == null ? "" : text.strip());
            ImportField field = ImportField.ofHeader(text);
            boolean allowed = field != ImportField.OWNER || importer.editsAll();
            mapping.add(field != null && allowed && taken.add(field) ? field : null);
        }
        UUID id = Ids.newId();
        String name = cleanName(fileName);
        QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> {
            admitUpload(importer.id());
            Instant now = clock.instant();
            repository.insertBatch(id, importer.id(), name, sha, parsed.format(), parsed.encoding(), header.rowNo(), write(headers),
                    write(mapping), data.size(), now);
            for (int from = 0; from < data.size(); from += CHUNK) {
                List<ImportFiles.Line> chunk = data.subList(from, Math.min(data.size(), from + CHUNK));
                int[] rowNos = chunk.stream().mapToInt(ImportFiles.Line::rowNo).toArray();
                String[] cells = chunk.parallelStream().map(l -> write(l.cells())).toArray(String[]::new); // CPU only: every core
                repository.insertRows(id, rowNos, cells);
            }
            Analysis analysis = analyse(data, mapping, importer);
            repository.updatePreview(id, write(preview(analysis, Map.of())));
            auditDryRun(id, AuditAction.CREATE, analysis);
        });
        return get(id);
    }

    /**
     * 429 with Retry-After when the user started {@code guanxi.imports.uploads-per-hour} uploads within the last hour
     * (counted from the stored uploads, so every replica counts the same); the wait is until the oldest that counts
     * leaves the hour.
     */
    private void admitUpload(UUID user) {
        int limit = config.imports().uploadsPerHour();
        Instant now = clock.instant();
        List<Instant> recent = repository.lockedUploadTimes(user, now.minus(UPLOAD_WINDOW));
        if (recent.size() >= limit) {
            Duration wait = Duration.between(now, recent.get(recent.size() - limit).plus(UPLOAD_WINDOW));
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many uploads",
                    "At most " + limit + " imports may be uploaded per hour; try again later", List.of(),
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    /**
     * Each dry run is recorded: how many rows it checked and how many matched a contact the importer may not see. The
     * preview says such a row "exists, not visible" (as a duplicate made by hand does); this makes that answer
     * accountable, like a reveal, since a file asks it for thousands of mobiles at once (docs/import.md).
     */
    private void auditDryRun(UUID id, AuditAction action, Analysis analysis) {
        long outsideView = analysis.groups().stream().mapToLong(g -> g.existing().stream().filter(e -> e.name() == null).count()).sum();
        audit.record(action, "contact_import", id, null, List.of(new FieldChange("dryRunRows", null, String.valueOf(analysis.rows())),
                new FieldChange("matchesOutsideYourView", null, String.valueOf(outsideView))));
    }

    // ---- read ----

    public ImportResponse get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> response(requireOwn(id, false)));
    }

    // ---- mapping and decisions ----

    public ImportResponse map(UUID id, String ifMatch, List<ImportField> fields) {
        long expected = IfMatch.requiredVersion(ifMatch);
        Importer importer = importer();
        QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> {
            ImportRepository.Batch batch = requireOwn(id, true);
            if (batch.version() != expected) {
                throw IfMatch.stale();
            }
            requireState(batch, "PREVIEW", "FAILED");
            List<String> headers = read(batch.headers(), STRINGS);
            if (fields.size() != headers.size()) {
                throw ProblemException.invalidField("fields", "must name a field or null for each of the " + headers.size() + " columns");
            }
            Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
            for (ImportField field : fields) {
                if (field != null && !seen.add(field)) {
                    throw ProblemException.invalidField("fields", "maps " + field + " to more than one column");
                }
            }
            if (!seen.contains(ImportField.NAME)) {
                throw ProblemException.invalidField("fields", "must map a column to NAME");
            }
            if (seen.contains(ImportField.OWNER) && !importer.editsAll()) {
                throw ProblemException.invalidField("fields", "only a manager or an admin may map a column to OWNER");
            }
            Analysis analysis = analyse(lines(id), fields, importer);
            repository.updateMapping(id, write(fields), write(preview(analysis, Map.of())), clock.instant());
            auditDryRun(id, AuditAction.UPDATE, analysis);
        });
        return get(id);
    }

    public ImportResponse decide(UUID id, String ifMatch, ImportDecisionsRequest request) {
        long expected = IfMatch.requiredVersion(ifMatch);
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRepository.Batch batch = requireOwn(id, true);
            if (batch.version() != expected) {
                throw IfMatch.stale();
            }
            requireState(batch, "PREVIEW", "FAILED");
            Preview preview = read(batch.preview(), Preview.class);
            Map<String, String> decisions = new LinkedHashMap<>();
            if (request.all() != null) {
                decisions.put("*", request.all().name());
            }
            if (request.groups() != null) {
                request.groups().forEach((group, decision) -> {
                    if (group == null || !group.matches("r\\d{1,9}") || decision == null) {
                        throw ProblemException.invalidField("groups", "keys are group ids (r and the first row's number), values decisions");
                    }
                    decisions.put(group, decision.name());
                });
            }
            List<ImportGroup> groups = preview.groups().stream().map(g -> new ImportGroup(g.id(), g.kind(), g.rows(), g.existing(),
                    decisionOf(g.id(), decisions, defaultOf(g)))).toList();
            repository.updateDecisions(id, write(decisions), write(new Preview(preview.counts(), preview.problems(), groups)),
                    clock.instant());
        });
        return get(id);
    }

    // ---- commit ----

    public ImportResponse commit(UUID id) {
        Importer importer = importer();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRepository.Batch batch = requireOwn(id, true);
            requireState(batch, "PREVIEW", "FAILED");
            List<ImportField> mapping = read(batch.mapping(), new TypeReference<List<ImportField>>() {
            });
            if (!mapping.contains(ImportField.NAME)) {
                throw ProblemException.invalidField("mapping", "must map a column to NAME before the commit");
            }
            repository.updateState(id, "COMMITTING", clock.instant());
            audit.record(AuditAction.CREATE, "contact_import", id, null, List.of(new FieldChange("state", batch.state(), "COMMITTING"),
                    new FieldChange("rows", null, Integer.toString(batch.rowCount()))));
        });
        JobResponse job;
        try {
            // As the importer: the audit trail names them, as for a contact made by hand.
            job = jobs.startAsCaller(JOB_KIND, importer.id(), progress -> runCommit(id, importer, progress));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> repository.updateState(id, "PREVIEW", clock.instant()));
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> repository.setJob(id, job.id()));
        return get(id);
    }

    private Object runCommit(UUID id, Importer importer, Jobs.Progress progress) {
        try {
            long started = System.nanoTime();
            long[] worked = new long[1];
            ImportResult result = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
                ImportResult done = commitNow(id, importer, progress);
                worked[0] = System.nanoTime();
                return done;
            });
            LOG.infof("Import %s committed in %d ms, of which the audit trail and the commit %d ms", id, millis(started, System.nanoTime()),
                    millis(worked[0], System.nanoTime()));
            return result;
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> repository.updateState(id, "FAILED", clock.instant()));
            throw e;
        }
    }

    private ImportResult commitNow(UUID id, Importer importer, Jobs.Progress progress) {
        // Not locked: the state COMMITTING and the one running job of the kind keep others off it, and the request that
        // started the job still writes its job id.
        long started = System.nanoTime();
        ImportRepository.Batch batch = repository.find(id, false).orElseThrow();
        List<ImportFiles.Line> lines = lines(id);
        long read = System.nanoTime();
        List<ImportField> mapping = read(batch.mapping(), new TypeReference<List<ImportField>>() {
        });
        Map<String, String> decisions = read(batch.decisions(), STRING_MAP);
        progress.update("checking", 0, (long) lines.size());
        Analysis analysis = analyse(lines, mapping, importer);
        Map<Integer, Duplicates.Group> grouped = Duplicates.byRow(analysis.groups());
        long checked = System.nanoTime();

        List<ContactImportDraft> creates = new ArrayList<>();
        List<UUID> createOwners = new ArrayList<>();
        List<List<Integer>> createRows = new ArrayList<>();
        List<ContactImportWriter.Update> updates = new ArrayList<>();
        List<List<Integer>> updateRows = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (Duplicates.Candidate row : analysis.valid()) {
            Duplicates.Group group = grouped.get(row.rowNo());
            if (group == null) {
                creates.add(row.draft());
                createOwners.add(ownerOf(List.of(row), importer));
                createRows.add(List.of(row.rowNo()));
                continue;
            }
            if (!done.add(group.id())) {
                continue;
            }
            ImportDecision decision = decisionOf(group.id(), decisions, group.defaultDecision());
            List<Integer> rowNos = group.rows().stream().map(Duplicates.Candidate::rowNo).toList();
            List<ContactImportDraft> drafts = group.rows().stream().map(Duplicates.Candidate::draft).toList();
            if (decision == ImportDecision.CREATE_ANYWAY) {
                for (Duplicates.Candidate candidate : group.rows()) {
                    creates.add(candidate.draft());
                    createOwners.add(ownerOf(List.of(candidate), importer));
                    createRows.add(List.of(candidate.rowNo()));
                }
            } else if (!group.existing().isEmpty()) {
                ContactImportWriter.Existing target = group.existing().stream().filter(ContactImportWriter.Existing::editable)
                        .findFirst().orElse(null);
                if (decision == ImportDecision.SKIP || target == null) {
                    skipped.addAll(rowNos);
                } else {
                    updates.add(new ContactImportWriter.Update(target.id(), drafts,
                            decision == ImportDecision.OVERWRITE ? ContactImportWriter.Fill.OVERWRITE : ContactImportWriter.Fill.EMPTY_ONLY));
                    updateRows.add(rowNos);
                }
            } else if (decision == ImportDecision.SKIP) {
                creates.add(drafts.get(0));
                createOwners.add(ownerOf(group.rows().subList(0, 1), importer));
                createRows.add(List.of(rowNos.get(0)));
                skipped.addAll(rowNos.subList(1, rowNos.size()));
            } else {
                ContactImportDraft merged = drafts.get(0);
                for (ContactImportDraft other : drafts.subList(1, drafts.size())) {
                    merged = other.over(merged, decision == ImportDecision.OVERWRITE);
                }
                creates.add(merged);
                createOwners.add(ownerOf(group.rows(), importer));
                createRows.add(rowNos);
            }
        }
        Instant now = clock.instant();
        long total = creates.size() + updates.size();
        List<Integer> outRows = new ArrayList<>();
        List<UUID> outContacts = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int from = 0; from < creates.size(); from += CHUNK) {
            int to = Math.min(creates.size(), from + CHUNK);
            List<UUID> ids = writer.create(creates.subList(from, to), createOwners.subList(from, to), importer.id(), now);
            for (int i = from; i < to; i++) {
                for (int rowNo : createRows.get(i)) {
                    outRows.add(rowNo);
                    outContacts.add(ids.get(i - from));
                    outcomes.add("CREATED");
                    replaced.add(null);
                    written.add(null);
                }
            }
            progress.update("writing", to, total);
        }
        Map<UUID, ContactImportWriter.Changed> changed = new HashMap<>();
        writer.update(updates, importer.id(), importer.editsAll(), now).forEach(c -> changed.put(c.contactId(), c));
        int updated = 0;
        for (int i = 0; i < updates.size(); i++) {
            ContactImportWriter.Changed change = changed.get(updates.get(i).contactId());
            boolean first = true;
            if (change != null) {
                updated++;
            }
            for (int rowNo : updateRows.get(i)) {
                outRows.add(rowNo);
                outContacts.add(updates.get(i).contactId());
                outcomes.add(change == null ? "SKIPPED" : "UPDATED");
                // The fields replaced are kept once per contact, on the group's first row, for the undo.
                replaced.add(change != null && first ? write(change.replaced()) : null);
                written.add(change != null && first ? write(change.written()) : null);
                first = false;
            }
        }
        progress.update("writing", total, total);
        long wrote = System.nanoTime();
        skipped.forEach(rowNo -> {
            outRows.add(rowNo);
            outContacts.add(null);
            outcomes.add("SKIPPED");
            replaced.add(null);
            written.add(null);
        });
        analysis.problems().stream().map(RowCheck.Problem::row).distinct().forEach(rowNo -> {
            outRows.add(rowNo);
            outContacts.add(null);
            outcomes.add("INVALID");
            replaced.add(null);
            written.add(null);
        });
        for (int from = 0; from < outRows.size(); from += CHUNK) {
            int to = Math.min(outRows.size(), from + CHUNK);
            repository.recordOutcomes(id, outRows.subList(from, to).toArray(Integer[]::new),
                    outContacts.subList(from, to).toArray(UUID[]::new), outcomes.subList(from, to).toArray(String[]::new),
                    replaced.subList(from, to).toArray(String[]::new), written.subList(from, to).toArray(String[]::new));
        }
        long recorded = System.nanoTime();
        LOG.infof("Import %s: %d rows read in %d ms, checked in %d ms, %d contacts written in %d ms, outcomes recorded in %d ms", id,
                lines.size(), millis(started, read), millis(read, checked), total, millis(checked, wrote), millis(wrote, recorded));
        int invalid = (int) analysis.problems().stream().map(RowCheck.Problem::row).distinct().count();
        int skippedRows = (int) outcomes.stream().filter("SKIPPED"::equals).count();
        ImportResult result = new ImportResult(creates.size(), updated, skippedRows, invalid, null, null, null);
        repository.committed(id, write(result), now);
        audit.record(AuditAction.CREATE, "contact_import", id, null, List.of(new FieldChange("state", "COMMITTING", "COMMITTED"),
                new FieldChange("created", null, Integer.toString(result.created())),
                new FieldChange("updated", null, Integer.toString(result.updated())),
                new FieldChange("skipped", null, Integer.toString(result.skipped())),
                new FieldChange("invalid", null, Integer.toString(result.invalid()))));
        return result;
    }

    // ---- undo ----

    public ImportResponse undo(UUID id) {
        QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> {
            ImportRepository.Batch batch = requireOwn(id, true);
            requireState(batch, "COMMITTED");
            Instant now = clock.instant();
            if (batch.committedAt().plus(UNDO_WINDOW).isBefore(now)) {
                throw new ProblemException(409, ProblemTypes.IMPORT_UNDO_BLOCKED, "Import cannot be undone",
                        "An import can be undone for 7 days after its commit", List.of(), Map.of("code", "UNDO_EXPIRED"));
            }
            Set<UUID> created = new LinkedHashSet<>();
            List<ContactImportWriter.Changed> updated = new ArrayList<>();
            for (ImportRepository.StoredRow row : repository.rows(id)) {
                if ("CREATED".equals(row.outcome())) {
                    created.add(row.contactId());
                } else if ("UPDATED".equals(row.outcome()) && row.written() != null) {
                    updated.add(new ContactImportWriter.Changed(row.contactId(), read(row.replaced(), STRING_MAP),
                            read(row.written(), STRING_MAP)));
                }
            }
            ContactImportWriter.Restored restored = writer.undo(created, updated, now);
            ImportResult before = read(batch.result(), ImportResult.class);
            ImportResult result = new ImportResult(before.created(), before.updated(), before.skipped(), before.invalid(), created.size(),
                    restored.fieldsRestored(), restored.fieldsKeptChangedSince());
            repository.undone(id, write(result), now);
            audit.record(AuditAction.DELETE, "contact_import", id, null, List.of(new FieldChange("state", "COMMITTED", "UNDONE"),
                    new FieldChange("removed", null, Integer.toString(created.size())),
                    new FieldChange("fieldsRestored", null, Integer.toString(restored.fieldsRestored())),
                    new FieldChange("fieldsKept", null, Integer.toString(restored.fieldsKeptChangedSince()))));
        });
        return get(id);
    }

    // ---- error report ----

    /** Every problem of the dry run, as CSV: row, column, header, field, code. */
    public void writeErrors(UUID id, OutputStream out) {
        Analysis analysis = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            ImportRepository.Batch batch = requireOwn(id, false);
            List<ImportField> mapping = read(batch.mapping(), new TypeReference<List<ImportField>>() {
            });
            return new Analysis(check(lines(id), mapping, new ArrayList<>()), List.of(), List.of(), 0);
        });
        ImportRepository.Batch batch = QuarkusTransaction.requiringNew().call(() -> requireOwn(id, false));
        List<String> headers = read(batch.headers(), STRINGS);
        try (TableWriter table = TableWriter.open(ExportFormat.CSV, out, ZoneId.of(config.zone()))) {
            table.table("errors", List.of("row", "column", "header", "field", "code"));
            for (RowCheck.Problem p : analysis.problems()) {
                table.row(List.of(p.row(), letter(p.column()), p.column() >= 0 && p.column() < headers.size() ? headers.get(p.column()) : "",
                        p.field() == null ? "" : p.field().name(), p.code()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the dry run ----

    private Analysis analyse(List<ImportFiles.Line> lines, List<ImportField> mapping, Importer importer) {
        List<Duplicates.Candidate> valid = new ArrayList<>();
        List<RowCheck.Problem> problems = check(lines, mapping, valid);
        if (!mapping.contains(ImportField.NAME)) {
            return new Analysis(problems, valid, List.of(), lines.size());
        }
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> pinyins = new LinkedHashSet<>();
        for (Duplicates.Candidate c : valid) {
            if (c.draft().mobile() != null) {
                mobiles.add(c.draft().mobile());
            }
            if (c.draft().email() != null) {
                emails.add(c.draft().email());
            }
            pinyins.add(ContactImportWriter.pinyinOf(c.draft().name()));
        }
        List<ContactImportWriter.Existing> existing = writer.findExisting(mobiles, emails, pinyins, importer.id(), importer.seesAll(),
                importer.editsAll());
        return new Analysis(problems, valid, Duplicates.find(valid, existing), lines.size());
    }

    private List<RowCheck.Problem> check(List<ImportFiles.Line> lines, List<ImportField> mapping, List<Duplicates.Candidate> valid) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(config.zone()));
        Map<String, Optional<UUID>> owners = mapping.contains(ImportField.OWNER) ? users.assignableOwnersByName() : Map.of();
        List<RowCheck.Problem> problems = new ArrayList<>();
        // Checking is pure CPU (normalising, pinyin) with the database idle: on every core, in the file's order.
        List<RowCheck.Result> results = lines.parallelStream()
                .map(line -> RowCheck.check(line.rowNo(), line.cells(), mapping, today, owners)).toList();
        for (int i = 0; i < lines.size(); i++) {
            ImportFiles.Line line = lines.get(i);
            RowCheck.Result result = results.get(i);
            if (result.draft() != null) {
                valid.add(new Duplicates.Candidate(line.rowNo(), result.draft(), result.ownerId()));
            } else {
                problems.addAll(result.problems());
            }
        }
        return problems;
    }

    private Preview preview(Analysis analysis, Map<String, String> decisions) {
        int invalidRows = (int) analysis.problems().stream().map(RowCheck.Problem::row).distinct().count();
        int inGroups = analysis.groups().stream().mapToInt(g -> g.rows().size()).sum();
        List<ImportProblem> problems = analysis.problems().stream().limit(PREVIEW_PROBLEMS)
                .map(p -> new ImportProblem(p.row(), letter(p.column()), p.field(), p.code())).toList();
        List<ImportGroup> groups = analysis.groups().stream().limit(PREVIEW_GROUPS).map(g -> new ImportGroup(g.id(), g.kind().name(),
                g.rows().stream().map(Duplicates.Candidate::rowNo).toList(),
                g.existing().stream().map(e -> new ImportExisting(e.name() == null ? null : e.id(), e.name(), e.name() != null,
                        e.editable())).toList(),
                decisionOf(g.id(), decisions, g.defaultDecision()))).toList();
        return new Preview(new ImportCounts(analysis.rows(), analysis.valid().size(), invalidRows, analysis.groups().size(), inGroups),
                problems, groups);
    }

    private static ImportDecision defaultOf(ImportGroup group) {
        if (!group.existing().isEmpty()) {
            return ImportDecision.SKIP;
        }
        return "SURE".equals(group.kind()) ? ImportDecision.FILL_EMPTY : ImportDecision.CREATE_ANYWAY;
    }

    private static ImportDecision decisionOf(String group, Map<String, String> decisions, ImportDecision fallback) {
        String chosen = decisions.getOrDefault(group, decisions.get("*"));
        return chosen == null ? fallback : ImportDecision.valueOf(chosen);
    }

    /** The header row: of the first 20 lines, the one naming the most known fields (the first line when none does). */
    private static int headerIndex(List<ImportFiles.Line> lines) {
        int best = 0;
        int bestScore = 0;
        for (int i = 0; i < Math.min(20, lines.size()); i++) {
            int score = (int) lines.get(i).cells().stream().map(ImportField::ofHeader).filter(f -> f != null).distinct().count();
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private List<ImportFiles.Line> lines(UUID id) {
        // Parsing 10⁵ rows' cells is pure CPU: on every core, in order.
        return repository.rows(id).parallelStream().map(r -> new ImportFiles.Line(r.rowNo(), read(r.cells(), STRINGS))).toList();
    }

    private ImportResponse response(ImportRepository.Batch batch) {
        List<String> headers = read(batch.headers(), STRINGS);
        List<ImportField> mapping = read(batch.mapping(), new TypeReference<List<ImportField>>() {
        });
        Preview preview = batch.preview() == null ? new Preview(new ImportCounts(batch.rowCount(), 0, 0, 0, 0), List.of(), List.of())
                : read(batch.preview(), Preview.class);
        List<List<String>> samples = new ArrayList<>();
        List<ImportFiles.Line> first = repository.rows(batch.id(), 3).stream()
                .map(r -> new ImportFiles.Line(r.rowNo(), read(r.cells(), STRINGS))).toList();
        List<ImportColumn> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            List<String> values = new ArrayList<>();
            for (ImportFiles.Line line : first) {
                String value = i < line.cells().size() ? line.cells().get(i) : null;
                if (value != null && !value.isBlank()) {
                    values.add(value.length() > 50 ? value.substring(0, 50) : value);
                }
            }
            samples.add(values);
            columns.add(new ImportColumn(i, letter(i), headers.get(i), i < mapping.size() ? mapping.get(i) : null, values));
        }
        ImportResult result = batch.result() == null ? null : read(batch.result(), ImportResult.class);
        Instant undoUntil = "COMMITTED".equals(batch.state()) ? batch.committedAt().plus(UNDO_WINDOW) : null;
        return new ImportResponse(batch.id(), batch.fileName(), batch.format(), batch.encoding(), batch.state(), batch.headerRow(), columns,
                preview.counts(), preview.problems(), preview.groups(), batch.jobId(),
                batch.jobId() == null ? null : jobs.get(batch.jobId()), result, batch.createdAt(), batch.committedAt(),
                batch.undoneAt(), undoUntil, batch.version());
    }

    private ImportRepository.Batch requireOwn(UUID id, boolean lock) {
        UUID me = currentUser.id();
        return repository.find(id, lock).filter(b -> b.createdBy().equals(me))
                .orElseThrow(() -> ProblemException.notFound("Import " + id));
    }

    private static void requireState(ImportRepository.Batch batch, String... states) {
        if (!List.of(states).contains(batch.state())) {
            throw new ProblemException(409, ProblemTypes.IMPORT_STATE, "Import state", "The import is " + batch.state()
                    + "; this needs it " + String.join(" or ", states), List.of(), Map.of("state", batch.state()));
        }
    }

    private Importer importer() {
        return new Importer(currentUser.id(), visibility.seesAllCustomers(), currentUser.isManagerOrAdmin());
    }

    ProblemException tooLarge() {
        return new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The file is larger than the " + (maxBytes() / (1024 * 1024)) + " MB an import accepts");
    }

    /** The owner of a contact made from these rows: the first owner their owner column names, else the importer. */
    private static UUID ownerOf(List<Duplicates.Candidate> rows, Importer importer) {
        return rows.stream().map(Duplicates.Candidate::ownerId).filter(Objects::nonNull).findFirst().orElse(importer.id());
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    static String letter(int column) {
        if (column < 0) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            s.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return s.toString();
    }

    private static String cleanName(String name) {
        String base = name == null || name.isBlank() ? "import" : Path.of(name.replace('\\', '/')).getFileName().toString();
        base = base.replaceAll("\\p{Cntrl}", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
