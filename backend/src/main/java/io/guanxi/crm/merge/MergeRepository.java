package io.guanxi.crm.merge;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The record of each merge (table contact_merge): enough to show it and to undo it. */
@ApplicationScoped
public class MergeRepository {

    @Inject
    EntityManager em;

    /** A merge row; the JSON columns as text, read by {@link MergeService}. */
    record Row(UUID id, UUID survivorId, String mergedIds, String choices, String survivorBefore, String survivorAfter,
            String mergedBefore, String moved, String counts, long pointsMoved, String pointsByContact, UUID actorId, Instant createdAt,
            Instant undoneAt, UUID undoneBy, String undoResult) {
    }

    private static final String COLUMNS = """
            SELECT id AS id, survivor_id AS survivor_id, CAST(merged_ids AS text) AS merged_ids, CAST(choices AS text) AS choices,
                   CAST(survivor_before AS text) AS survivor_before, CAST(survivor_after AS text) AS survivor_after,
                   CAST(merged_before AS text) AS merged_before, CAST(moved AS text) AS moved, CAST(counts AS text) AS counts,
                   points_moved AS points_moved, CAST(points_by_contact AS text) AS points_by_contact, actor_id AS actor_id, created_at AS created_at, undone_at AS undone_at,
                   undone_by AS undone_by, CAST(undo_result AS text) AS undo_result
            FROM contact_merge""";

    void insert(Row row) {
        em.createNativeQuery("""
                INSERT INTO contact_merge (id, survivor_id, merged_ids, choices, survivor_before, survivor_after, merged_before, moved,
                                           counts, points_moved, points_by_contact, actor_id, created_at)
                VALUES (:id, :survivor, CAST(:merged AS uuid[]), CAST(:choices AS jsonb), CAST(:before AS jsonb), CAST(:after AS jsonb),
                        CAST(:mergedBefore AS jsonb), CAST(:moved AS jsonb), CAST(:counts AS jsonb), :points, CAST(:byContact AS jsonb), :actor, :at)""")
                .setParameter("id", row.id()).setParameter("survivor", row.survivorId()).setParameter("merged", row.mergedIds())
                .setParameter("choices", row.choices()).setParameter("before", row.survivorBefore())
                .setParameter("after", row.survivorAfter()).setParameter("mergedBefore", row.mergedBefore())
                .setParameter("moved", row.moved()).setParameter("counts", row.counts()).setParameter("points", row.pointsMoved()).setParameter("byContact", row.pointsByContact())
                .setParameter("actor", row.actorId()).setParameter("at", row.createdAt()).executeUpdate();
    }

    /** The merges the contact took part in, as survivor or merged, oldest first (rights requests). */
    List<Map<String, Object>> exportOf(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(jsonb_build_object('id', m.id, 'survivor_id', m.survivor_id, 'merged_ids', to_jsonb(m.merged_ids),
                       'survivor_before', m.survivor_before, 'survivor_after', m.survivor_after, 'counts', m.counts,
                       'created_at', m.created_at, 'undone_at', m.undone_at) AS text) AS row
                FROM contact_merge m WHERE m.survivor_id = :contact OR m.merged_ids @> ARRAY[CAST(:contact AS uuid)]
                ORDER BY m.seq""", Tuple.class).setParameter("contact", contactId)));
    }

    /** Erases the field values the contact's merges recorded; the rows changed. */
    int eraseValuesOf(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE contact_merge SET survivor_before = CAST('{}' AS jsonb), survivor_after = CAST('{}' AS jsonb)
                WHERE (survivor_id = :contact OR merged_ids @> ARRAY[CAST(:contact AS uuid)])
                  AND (survivor_before <> CAST('{}' AS jsonb) OR survivor_after <> CAST('{}' AS jsonb))""")
                .setParameter("contact", contactId).executeUpdate();
    }

    Optional<Row> find(UUID id, boolean forUpdate) {
        return Rows.first(em.createNativeQuery(COLUMNS + " WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""), Tuple.class)
                .setParameter("id", id)).map(MergeRepository::row);
    }

    /** Whether the survivor took part in a merge after this one that is still in force (it must be undone first). */
    boolean laterMergeInForce(UUID survivorId, UUID mergeId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM contact_merge
                WHERE undone_at IS NULL AND seq > (SELECT m.seq FROM contact_merge m WHERE m.id = :id)
                  AND (survivor_id = :survivor OR merged_ids @> ARRAY[CAST(:survivor AS uuid)])""")
                .setParameter("id", mergeId).setParameter("survivor", survivorId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    void markUndone(UUID id, UUID by, Instant at, String result) {
        em.createNativeQuery("""
                UPDATE contact_merge SET undone_at = :at, undone_by = :by, undo_result = CAST(:result AS jsonb), version = version + 1
                WHERE id = :id""")
                .setParameter("at", at).setParameter("by", by).setParameter("result", result).setParameter("id", id).executeUpdate();
    }

    private static Row row(Tuple r) {
        return new Row(Rows.uuid(r, "id"), Rows.uuid(r, "survivor_id"), Rows.string(r, "merged_ids"), Rows.string(r, "choices"),
                Rows.string(r, "survivor_before"), Rows.string(r, "survivor_after"), Rows.string(r, "merged_before"),
                Rows.string(r, "moved"), Rows.string(r, "counts"), Rows.longValue(r, "points_moved"), Rows.string(r, "points_by_contact"), Rows.uuid(r, "actor_id"),
                Rows.instant(r, "created_at"), Rows.instant(r, "undone_at"), Rows.uuid(r, "undone_by"), Rows.string(r, "undo_result"));
    }
}
