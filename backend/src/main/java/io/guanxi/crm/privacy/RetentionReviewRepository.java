package io.guanxi.crm.privacy;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The retention review: who the job lists, the list, the decisions. */
@ApplicationScoped
public class RetentionReviewRepository implements PanacheRepositoryBase<RetentionReview, UUID> {

    static final Map<String, String> SORTABLE = Map.of("lastContactAt", "v.last_contact_at", "listedAt", "v.listed_at",
            "decidedAt", "v.decided_at");

    /**
     * The last contact with each customer not yet anonymised: the latest of their creation, their last interaction and their
     * last purchase. One definition for the listing and the check before an approval.
     */
    private static final String LAST_CONTACT = """
            (SELECT p.id AS contact_id,
                    greatest(p.created_at, p.last_contacted_at, (SELECT max(b.occurred_at) FROM %s b WHERE b.contact_id = p.id)) AS last_contact_at
             FROM %s p WHERE p.anonymised_at IS NULL)""".formatted(PurchaseReadModel.PURCHASES, ContactReadModel.PERSONS);

    RetentionReview findForDecision(UUID id) {
        return getEntityManager().find(RetentionReview.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Lists every customer with no contact since {@code cutoff} who has no open review and was not kept after {@code keptSince};
     * returns how many were listed.
     */
    int listDue(Instant cutoff, Instant keptSince, Instant at) {
        List<Tuple> due = Rows.list(getEntityManager().createNativeQuery("""
                SELECT l.contact_id AS contact_id
                FROM %s l
                WHERE l.last_contact_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM retention_review v WHERE v.contact_id = l.contact_id
                                  AND (v.state = 'PENDING' OR (v.state = 'KEPT' AND v.decided_at > :keptSince)))
                ORDER BY l.last_contact_at, l.contact_id""".formatted(LAST_CONTACT), Tuple.class)
                .setParameter("cutoff", cutoff).setParameter("keptSince", keptSince));
        if (due.isEmpty()) {
            return 0;
        }
        return getEntityManager().createNativeQuery("""
                INSERT INTO retention_review (id, contact_id, last_contact_at, listed_at, state)
                SELECT d.id, l.contact_id, l.last_contact_at, :at, 'PENDING'
                FROM unnest(CAST(:ids AS uuid[]), CAST(:contacts AS uuid[])) AS d(id, contact_id)
                JOIN %s l ON l.contact_id = d.contact_id
                ON CONFLICT (contact_id) WHERE state = 'PENDING' DO NOTHING""".formatted(LAST_CONTACT))
                .setParameter("ids", due.stream().map(r -> Ids.newId()).toArray(UUID[]::new))
                .setParameter("contacts", due.stream().map(r -> Rows.uuid(r, "contact_id")).toArray(UUID[]::new))
                .setParameter("at", at).executeUpdate();
    }

    /** The customer's last contact now (empty once anonymised). */
    Optional<Instant> lastContact(UUID contactId) {
        return Rows.first(getEntityManager().createNativeQuery("SELECT l.last_contact_at AS last_contact_at FROM " + LAST_CONTACT
                + " l WHERE l.contact_id = :contact", Tuple.class).setParameter("contact", contactId))
                .map(r -> Rows.instant(r, "last_contact_at"));
    }

    List<RetentionReview> page(ReviewState state, PageRequest paging) {
        Query select = getEntityManager().createNativeQuery("SELECT v.id FROM retention_review v WHERE (CAST(:state AS text) IS NULL OR v.state = "
                + "CAST(:state AS text)) ORDER BY " + paging.orderBySql() + ", v.id LIMIT :limit OFFSET :offset", UUID.class)
                .setParameter("state", state == null ? null : state.name())
                .setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        @SuppressWarnings("unchecked")
        List<UUID> ids = select.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, RetentionReview> byId = getEntityManager().createQuery("from RetentionReview v where v.id in :ids", RetentionReview.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(v -> v.id, v -> v));
        return ids.stream().map(byId::get).toList();
    }

    long count(ReviewState state) {
        return SqlValues.longValue(getEntityManager().createNativeQuery("SELECT count(*) FROM retention_review v WHERE (CAST(:state AS text) IS NULL "
                + "OR v.state = CAST(:state AS text))", Long.class).setParameter("state", state == null ? null : state.name()).getSingleResult());
    }
}
