package io.guanxi.crm.contact;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** The contact table's side of duplicates and merges (issue 20 §3): finding groups, locking, marking merged rows. */
@ApplicationScoped
public class ContactMergeRepository {

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    /** One duplicate group: why its contacts look alike, their ids, and how many groups there are in all. */
    record GroupRow(String reason, List<UUID> ids, long total) {
    }

    /**
     * Groups of active contacts the caller sees that share a canonical mobile, an email, a WeChat id, or a
     * name (spaces ignored) with a company (case ignored); a contact can be in several groups, one per reason.
     */
    List<GroupRow> duplicateGroups(String reason, int limit, long offset) {
        Visibility.Predicate visible = visibility.contactSql("c");
        List<Tuple> rows = Rows.list(visible.bind(em.createNativeQuery("""
                WITH active AS (
                    SELECT c.id, c.mobile, c.email, c.wechat_id, c.name, c.company FROM contact c
                    WHERE c.archived_at IS NULL AND c.anonymised_at IS NULL AND c.merged_into_id IS NULL AND %s
                ), keyed AS (
                    SELECT 'MOBILE' AS reason, mobile AS match_key, id FROM active WHERE mobile IS NOT NULL
                    UNION ALL SELECT 'EMAIL', email, id FROM active WHERE email IS NOT NULL
                    UNION ALL SELECT 'WECHAT_ID', lower(wechat_id), id FROM active WHERE wechat_id IS NOT NULL
                    UNION ALL SELECT 'NAME_COMPANY', lower(regexp_replace(name, '\\s', '', 'g')) || '|' || lower(btrim(company)), id
                        FROM active WHERE company IS NOT NULL
                ), grouped AS (
                    SELECT reason, match_key, array_agg(id ORDER BY id) AS ids, min(id::text) AS first_id
                    FROM keyed GROUP BY reason, match_key HAVING count(*) > 1
                )
                SELECT reason AS reason, CAST(ids AS text) AS ids, count(*) OVER () AS total FROM grouped
                WHERE CAST(:reason AS text) IS NULL OR reason = :reason
                ORDER BY reason, first_id LIMIT :limit OFFSET :offset""".formatted(visible.text()), Tuple.class))
                .setParameter("reason", reason).setParameter("limit", limit).setParameter("offset", offset));
        return rows.stream().map(r -> new GroupRow(Rows.string(r, "reason"), uuids(Rows.string(r, "ids")),
                Rows.longValue(r, "total"))).toList();
    }

    /** The contacts the caller sees among these ids (archived and merged included), unlocked. */
    List<Contact> visible(List<UUID> ids) {
        Visibility.Predicate visible = visibility.contactJpql("c");
        return visible.bind(em.createQuery("from Contact c where c.id in :ids and " + visible.text(), Contact.class))
                .setParameter("ids", ids).getResultList();
    }

    /**
     * Locks these contacts in id order, so that two merges of overlapping contacts wait for each other
     * instead of deadlocking; the second then sees the first's changes (versions, merged marks).
     */
    List<Contact> lockInOrder(List<UUID> ids) {
        return ids.stream().sorted().map(id -> em.find(Contact.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(java.util.Objects::nonNull).toList();
    }

    void flush() {
        em.flush();
    }

    private static List<UUID> uuids(String array) {
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? List.of() : java.util.Arrays.stream(inner.split(",")).map(UUID::fromString).toList();
    }
}
