package io.guanxi.crm.churn;

import io.guanxi.crm.contact.ContactReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Monthly churn reviews: producing one (once per month), finding, listing. */
@ApplicationScoped
public class ChurnReviewRepository implements PanacheRepositoryBase<ChurnReview, LocalDate> {

    /**
     * Creates the review of {@code month} unless it exists, with the customers at its {@code start}: those
     * not archived, created before it, whose stage then (the last move before it, else the stage the
     * first move after it left, else the current stage for customers loaded without a history) was
     * PURCHASE or LOYALTY. Returns whether this call created it.
     */
    boolean produce(LocalDate month, Instant start, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO churn_review (month, customers_at_start, state, produced_at, version)
                SELECT :month, count(*), 'OPEN', :now, 0
                FROM %1$s AS l
                WHERE NOT l.archived AND l.created_at < :start
                  AND coalesce((SELECT h.to_stage FROM %2$s AS h WHERE h.contact_id = l.id AND h.changed_at < :start
                                ORDER BY h.changed_at DESC, h.seq DESC LIMIT 1),
                               (SELECT h.from_stage FROM %2$s AS h WHERE h.contact_id = l.id AND h.changed_at >= :start
                                ORDER BY h.changed_at, h.seq LIMIT 1),
                               l.lifecycle_stage) IN ('PURCHASE', 'LOYALTY')
                ON CONFLICT (month) DO NOTHING""".formatted(ContactReadModel.LIFECYCLE, ContactReadModel.STAGE_CHANGES))
                .setParameter("month", month).setParameter("start", start).setParameter("now", now).executeUpdate() == 1;
    }

    Optional<ChurnReview> findForUpdate(LocalDate month) {
        return Optional.ofNullable(getEntityManager().find(ChurnReview.class, month, LockModeType.PESSIMISTIC_WRITE));
    }

    List<ChurnReview> newestFirst(int page, int size) {
        return findAll(Sort.descending("month")).page(Page.of(page, size)).list();
    }

    boolean isClosed(LocalDate month) {
        return count("month = ?1 and state = ?2", month, ChurnReviewState.CLOSED) > 0;
    }
}
