package io.guanxi.crm.platform.audit;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
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

    private static final String COLUMNS = "seq AS seq, id AS id, at AS at, user_id AS user_id, username AS username, action AS action, "
            + "entity_type AS entity_type, entity_id AS entity_id, contact_id AS contact_id, changes AS changes, "
            + "client_address AS client_address, request_id AS request_id, prev_hash AS prev_hash, hash AS hash";

    @Inject
    EntityManager em;

    void joinTransaction() {
        em.joinTransaction();
    }

    /** Waits for the chain until the transaction ends, then answers its last hash. */
    String lockChainAndReadLastHash() {
        em.flush(); // the transaction's own row locks first, then the chain's: no waiting on rows while holding it
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", CHAIN_LOCK).getSingleResult();
        return Rows.first(em.createNativeQuery("SELECT hash AS hash FROM audit_entry ORDER BY seq DESC LIMIT 1", Tuple.class))
                .map(r -> Rows.string(r, "hash")).orElse(AuditHash.GENESIS);
    }

    void insert(AuditHash.Fields f, String prevHash, String hash) {
        em.createNativeQuery("INSERT INTO audit_entry (id, at, user_id, username, action, entity_type, entity_id, contact_id, changes, "
                        + "client_address, request_id, prev_hash, hash) VALUES (:id, :at, CAST(:userId AS uuid), :username, :action, :entityType, "
                        + "CAST(:entityId AS uuid), CAST(:contactId AS uuid), :changes, :clientAddress, :requestId, :prevHash, :hash)")
                .setParameter("id", f.id()).setParameter("at", f.at())
                .setParameter("userId", f.userId() == null ? null : f.userId().toString())
                .setParameter("username", f.username()).setParameter("action", f.action()).setParameter("entityType", f.entityType())
                .setParameter("entityId", f.entityId() == null ? null : f.entityId().toString())
                .setParameter("contactId", f.contactId() == null ? null : f.contactId().toString())
                .setParameter("changes", f.changes()).setParameter("clientAddress", f.clientAddress())
                .setParameter("requestId", f.requestId()).setParameter("prevHash", prevHash).setParameter("hash", hash)
                .executeUpdate();
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
