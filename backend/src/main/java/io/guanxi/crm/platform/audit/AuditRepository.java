package io.guanxi.crm.platform.audit;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every statement on {@code audit_entry}: append under the chain lock, search, and the walk that verifies. */
@ApplicationScoped
public class AuditRepository {

    /** The advisory lock that orders writers of the chain (an arbitrary constant: "audit" in ASCII). */
    static final long CHAIN_LOCK = 0x6175646974L;

    /** Entries per INSERT statement. */
    private static final int APPEND_CHUNK = 2000;

    private static final String COLUMNS = "seq AS seq, id AS id, at AS at, user_id AS user_id, username AS username, action AS action, "
            + "entity_type AS entity_type, entity_id AS entity_id, contact_id AS contact_id, changes AS changes, "
            + "client_address AS client_address, request_id AS request_id, prev_hash AS prev_hash, hash AS hash";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    void joinTransaction() {
        em.joinTransaction();
    }

    /**
     * Appends the entries under the chain lock (held until the transaction ends), each hash over the previous one.
     * Plain JDBC on the transaction's own connection (Agroal hands out the one enlisted in it), closed at once: this
     * runs while the transaction completes, after Hibernate's own completion, and a query through the persistence
     * context that late would hold a connection handle past commit (quarkusio/quarkus#41757: a warning per write).
     */
    void appendToChain(List<AuditHash.Fields> entries) {
        em.flush(); // the transaction's own row locks first, then the chain's: no waiting on rows while holding it
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("the audit entries must commit with the change they record");
            }
            appendToChain(connection, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the audit trail failed", e);
        }
    }

    /**
     * Appends on the given connection, in its open transaction: the chain lock (held until that transaction ends), the
     * last hash, then the entries in order, each hash over the previous one.
     */
    static void appendToChain(Connection connection, List<AuditHash.Fields> entries) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
        String prev = AuditHash.GENESIS;
        try (PreparedStatement last = connection.prepareStatement("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
                ResultSet row = last.executeQuery()) {
            if (row.next()) {
                prev = row.getString(1);
            }
        }
        // Many rows per statement (an import appends 10⁵): one row per statement cost more than the rows themselves.
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_entry (id, at, user_id, username, action, entity_type, entity_id, contact_id, changes,
                                         client_address, request_id, prev_hash, hash)
                SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")) {
            for (int from = 0; from < entries.size(); from += APPEND_CHUNK) {
                List<AuditHash.Fields> chunk = entries.subList(from, Math.min(entries.size(), from + APPEND_CHUNK));
                int n = chunk.size();
                String[][] columns = new String[13][n];
                for (int i = 0; i < n; i++) {
                    String[] texts = chunk.get(i).texts();
                    String hash = AuditHash.of(prev, texts);
                    for (int c = 0; c < texts.length; c++) {
                        columns[c][i] = texts[c];
                    }
                    columns[11][i] = prev;
                    columns[12][i] = hash;
                    prev = hash;
                }
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                insert.executeUpdate();
            }
        }
    }

    /** The filters of the admin's search; null means any. */
    record Filter(UUID userId, UUID contactId, String action, Instant from, Instant to) {
    }

    record Stored(long seq, AuditHash.Fields fields, String prevHash, String hash) {
    }

    List<Stored> search(Filter filter, int offset, int size) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE " + where(filter, params)
                + " ORDER BY seq DESC LIMIT :size OFFSET :offset", Tuple.class);
        params.forEach(query::setParameter);
        return Rows.list(query.setParameter("size", size).setParameter("offset", offset)).stream().map(AuditRepository::stored).toList();
    }

    long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("SELECT count(*) AS n FROM audit_entry WHERE " + where(filter, params));
        params.forEach(query::setParameter);
        return SqlValues.longValue(query.getSingleResult());
    }

    /** The next entries of the chain after {@code afterSeq}, in chain order. */
    List<Stored> chainAfter(long afterSeq, int size) {
        return Rows.list(em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :size",
                        Tuple.class).setParameter("after", afterSeq).setParameter("size", size))
                .stream().map(AuditRepository::stored).toList();
    }

    /** A customer's entries, oldest first (their access history for a rights request). */
    List<Stored> ofContact(UUID contactId) {
        return Rows.list(em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE contact_id = :contactId ORDER BY seq",
                Tuple.class).setParameter("contactId", contactId)).stream().map(AuditRepository::stored).toList();
    }

    Optional<Long> lastSeq() {
        return Rows.first(em.createNativeQuery("SELECT max(seq) AS seq FROM audit_entry", Tuple.class))
                .map(r -> Rows.nullableLong(r, "seq"));
    }

    private static String where(Filter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.contactId() != null) {
            conditions.add("contact_id = :contactId");
            params.put("contactId", filter.contactId());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", filter.to());
        }
        return String.join(" AND ", conditions);
    }

    private static Stored stored(Tuple r) {
        return new Stored(Rows.longValue(r, "seq"), new AuditHash.Fields(Rows.uuid(r, "id"), Rows.instant(r, "at"), Rows.uuid(r, "user_id"),
                Rows.string(r, "username"), Rows.string(r, "action"), Rows.string(r, "entity_type"), Rows.uuid(r, "entity_id"),
                Rows.uuid(r, "contact_id"), Rows.string(r, "changes"), Rows.string(r, "client_address"), Rows.string(r, "request_id")),
                Rows.string(r, "prev_hash"), Rows.string(r, "hash"));
    }
}
