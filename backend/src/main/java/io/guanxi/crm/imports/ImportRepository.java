package io.guanxi.crm.imports;

import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The import_batch and import_row tables. */
@ApplicationScoped
public class ImportRepository {

    @Inject
    EntityManager em;

    /** A batch as stored; JSON columns as text. */
    record Batch(UUID id, UUID createdBy, String fileName, String fileSha256, String format, String encoding, int headerRow,
            String headers, String mapping, String decisions, String state, int rowCount, UUID jobId, String preview,
            String result, Instant committedAt, Instant undoneAt, Instant createdAt, long version) {
    }

    /** A stored row: its number, its cells (JSON array) and, after the commit, what it did. */
    record StoredRow(int rowNo, String cells, UUID contactId, String outcome, String replaced, String written) {
    }

    /**
     * When this user's uploads since that moment were made, oldest first (the upload limit counts them), after taking
     * a transaction-scoped lock on the user, so two uploads at once are counted one after the other.
     */
    List<Instant> lockedUploadTimes(UUID by, Instant since) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('import-upload:' || CAST(:by AS text), 0))) l")
                .setParameter("by", by).getSingleResult();
        return em.createNativeQuery("""
                SELECT created_at FROM import_batch WHERE created_by = :by AND created_at > :since ORDER BY created_at""", Instant.class)
                .setParameter("by", by).setParameter("since", since).getResultList();
    }

    void insertBatch(UUID id, UUID by, String fileName, String sha, String format, String encoding, int headerRow, String headers,
            String mapping, int rowCount, Instant now) {
        em.createNativeQuery("""
                INSERT INTO import_batch (id, created_by, file_name, file_sha256, file_format, file_encoding, header_row, headers, mapping,
                                          state, row_count, created_at, updated_at, version)
                VALUES (:id, :by, :name, :sha, :format, :encoding, :headerRow, CAST(:headers AS jsonb), CAST(:mapping AS jsonb),
                        'PREVIEW', :rows, :now, :now, 0)""")
                .setParameter("id", id).setParameter("by", by).setParameter("name", fileName).setParameter("sha", sha)
                .setParameter("format", format).setParameter("encoding", encoding).setParameter("headerRow", headerRow)
                .setParameter("headers", headers).setParameter("mapping", mapping).setParameter("rows", rowCount)
                .setParameter("now", now).executeUpdate();
    }

    void insertRows(UUID batch, int[] rowNos, String[] cells) {
        Integer[] numbers = new Integer[rowNos.length];
        for (int i = 0; i < rowNos.length; i++) {
            numbers[i] = rowNos[i];
        }
        em.createNativeQuery("""
                INSERT INTO import_row (batch_id, row_no, cells)
                SELECT :batch, r.row_no, CAST(r.cells AS jsonb) FROM unnest(CAST(:rows AS int[]), CAST(:cells AS text[])) AS r(row_no, cells)""")
                .setParameter("batch", batch).setParameter("rows", numbers).setParameter("cells", cells).executeUpdate();
    }

    Optional<Batch> find(UUID id, boolean lock) {
        return Rows.first(em.createNativeQuery("""
                SELECT id AS id, created_by AS created_by, file_name AS file_name, file_sha256 AS file_sha256, file_format AS file_format,
                       file_encoding AS file_encoding, header_row AS header_row, headers::text AS headers, mapping::text AS mapping,
                       decisions::text AS decisions, state AS state, row_count AS row_count, job_id AS job_id, preview::text AS preview,
                       result::text AS result, committed_at AS committed_at, undone_at AS undone_at, created_at AS created_at,
                       version AS version
                FROM import_batch WHERE id = :id""" + (lock ? " FOR UPDATE" : ""), Tuple.class).setParameter("id", id))
                .map(r -> new Batch(Rows.uuid(r, "id"), Rows.uuid(r, "created_by"), Rows.string(r, "file_name"),
                        Rows.string(r, "file_sha256"), Rows.string(r, "file_format"), Rows.string(r, "file_encoding"),
                        (int) Rows.longValue(r, "header_row"), Rows.string(r, "headers"), Rows.string(r, "mapping"),
                        Rows.string(r, "decisions"), Rows.string(r, "state"), (int) Rows.longValue(r, "row_count"), Rows.uuid(r, "job_id"),
                        Rows.string(r, "preview"), Rows.string(r, "result"), Rows.instant(r, "committed_at"), Rows.instant(r, "undone_at"),
                        Rows.instant(r, "created_at"), Rows.longValue(r, "version")));
    }

    /** The importer's batches, newest first. */
    List<UUID> idsOf(UUID creator, int limit) {
        return em.createNativeQuery("SELECT id FROM import_batch WHERE created_by = :by ORDER BY created_at DESC LIMIT :limit", UUID.class)
                .setParameter("by", creator).setParameter("limit", limit).getResultList().stream().map(UUID.class::cast).toList();
    }

    List<StoredRow> rows(UUID batch) {
        return rows(batch, Integer.MAX_VALUE);
    }

    /**
     * The batch's first {@code limit} rows, in file order. Plain JDBC: a Hibernate tuple per row (a map of aliases each)
     * cost more than the read itself at 10⁵ rows.
     */
    List<StoredRow> rows(UUID batch, int limit) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT row_no, cells::text, contact_id, outcome, replaced::text, written::text
                    FROM import_row WHERE batch_id = ? ORDER BY row_no LIMIT ?""")) {
                query.setObject(1, batch);
                query.setInt(2, limit);
                query.setFetchSize(5000);
                List<StoredRow> rows = new ArrayList<>();
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        rows.add(new StoredRow(r.getInt(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4), r.getString(5),
                                r.getString(6)));
                    }
                }
                return rows;
            }
        });
    }

    void updateMapping(UUID id, String mapping, String preview, Instant now) {
        em.createNativeQuery("""
                UPDATE import_batch SET mapping = CAST(:mapping AS jsonb), decisions = '{}', preview = CAST(:preview AS jsonb),
                       updated_at = :now, version = version + 1 WHERE id = :id""")
                .setParameter("mapping", mapping).setParameter("preview", preview).setParameter("now", now).setParameter("id", id)
                .executeUpdate();
    }

    void updatePreview(UUID id, String preview) {
        em.createNativeQuery("UPDATE import_batch SET preview = CAST(:preview AS jsonb) WHERE id = :id")
                .setParameter("preview", preview).setParameter("id", id).executeUpdate();
    }

    void updateDecisions(UUID id, String decisions, String preview, Instant now) {
        em.createNativeQuery("""
                UPDATE import_batch SET decisions = CAST(:decisions AS jsonb), preview = CAST(:preview AS jsonb), updated_at = :now,
                       version = version + 1 WHERE id = :id""")
                .setParameter("decisions", decisions).setParameter("preview", preview).setParameter("now", now).setParameter("id", id)
                .executeUpdate();
    }

    void updateState(UUID id, String state, Instant now) {
        em.createNativeQuery("UPDATE import_batch SET state = :state, updated_at = :now, version = version + 1 WHERE id = :id")
                .setParameter("state", state).setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /** The batch whose commit job was interrupted (its process stopped) goes back to FAILED, so it can be committed again. */
    int failInterruptedCommit(UUID job, Instant now) {
        return em.createNativeQuery("""
                UPDATE import_batch SET state = 'FAILED', updated_at = :now, version = version + 1
                WHERE job_id = :job AND state = 'COMMITTING'""").setParameter("job", job).setParameter("now", now).executeUpdate();
    }

    void setJob(UUID id, UUID job) {
        em.createNativeQuery("UPDATE import_batch SET job_id = :job WHERE id = :id").setParameter("job", job).setParameter("id", id)
                .executeUpdate();
    }

    void committed(UUID id, String result, Instant now) {
        em.createNativeQuery("""
                UPDATE import_batch SET state = 'COMMITTED', result = CAST(:result AS jsonb), committed_at = :now, updated_at = :now,
                       version = version + 1 WHERE id = :id""")
                .setParameter("result", result).setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    void undone(UUID id, String result, Instant now) {
        em.createNativeQuery("""
                UPDATE import_batch SET state = 'UNDONE', result = CAST(:result AS jsonb), undone_at = :now, updated_at = :now,
                       version = version + 1 WHERE id = :id""")
                .setParameter("result", result).setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    void recordOutcomes(UUID batch, Integer[] rowNos, UUID[] contacts, String[] outcomes, String[] replaced, String[] written) {
        em.createNativeQuery("""
                UPDATE import_row r SET contact_id = o.contact_id, outcome = o.outcome, replaced = CAST(o.replaced AS jsonb),
                       written = CAST(o.written AS jsonb)
                FROM unnest(CAST(:rows AS int[]), CAST(:contacts AS uuid[]), CAST(:outcomes AS text[]), CAST(:replaced AS text[]),
                            CAST(:written AS text[])) AS o(row_no, contact_id, outcome, replaced, written)
                WHERE r.batch_id = :batch AND r.row_no = o.row_no""")
                .setParameter("batch", batch).setParameter("rows", rowNos).setParameter("contacts", contacts)
                .setParameter("outcomes", outcomes).setParameter("replaced", replaced).setParameter("written", written).executeUpdate();
    }
}
