package io.guanxi.crm.churn;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.tier.TierReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Churn records: the rule's candidates, set-based inserts, and the rows a review or a customer's history shows. */
@ApplicationScoped
public class ChurnRecordRepository implements PanacheRepositoryBase<ChurnRecord, UUID> {

    /** A churn to record: its id, the customer moved, the stage it left, its owner, and the investigation activity (or null). */
    record NewChurn(UUID id, UUID contactId, String fromStage, UUID ownerId, UUID activityId) {
    }

    /**
     * Customers (PURCHASE or LOYALTY, not archived) who have bought nothing since {@code cutoff} and did
     * not become customers since then either (a stage moved there by hand or a conversion counts as a start).
     */
    List<UUID> ruleCandidates(Instant cutoff) {
        return Rows.list(getEntityManager().createNativeQuery("""
                SELECT l.id AS id
                FROM %1$s AS l
                WHERE l.lifecycle_stage IN ('PURCHASE', 'LOYALTY') AND NOT l.archived AND l.created_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM %2$s AS p WHERE p.contact_id = l.id AND p.occurred_at >= :cutoff)
                  AND NOT EXISTS (SELECT 1 FROM %3$s AS h WHERE h.contact_id = l.id AND h.changed_at >= :cutoff
                                    AND h.to_stage IN ('PURCHASE', 'LOYALTY'))
                ORDER BY l.id""".formatted(ContactReadModel.LIFECYCLE, PurchaseReadModel.PURCHASES, ContactReadModel.STAGE_CHANGES),
                Tuple.class).setParameter("cutoff", cutoff)).stream().map(r -> Rows.uuid(r, "id")).toList();
    }

    /** Records these churns in one statement, each with the customer's ABC tier at this moment. */
    void insertAll(List<NewChurn> churns, Instant at, LocalDate month, ChurnMethod method, UUID by, ChurnCause cause, String analysis) {
        if (churns.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                INSERT INTO churn_record (id, contact_id, churned_at, month, method, from_stage, owner_id, abc_tier, cause, analysis,
                                          investigated_by, investigated_at, recorded_by, activity_id, version, created_at)
                SELECT n.id, n.contact_id, :at, :month, :method, n.from_stage, n.owner_id, s.abc_tier, :cause, :analysis,
                       CASE WHEN :investigated THEN CAST(:by AS uuid) END, CASE WHEN :investigated THEN CAST(:at AS timestamptz) END,
                       :by, n.activity_id, 0, :at
                FROM unnest(CAST(:ids AS uuid[]), CAST(:contacts AS uuid[]), CAST(:froms AS text[]), CAST(:owners AS uuid[]),
                            CAST(:activities AS uuid[])) AS n(id, contact_id, from_stage, owner_id, activity_id)
                LEFT JOIN %s AS s ON s.contact_id = n.contact_id""".formatted(TierReadModel.SEGMENTS))
                .setParameter("ids", churns.stream().map(NewChurn::id).toArray(UUID[]::new))
                .setParameter("contacts", churns.stream().map(NewChurn::contactId).toArray(UUID[]::new))
                .setParameter("froms", churns.stream().map(NewChurn::fromStage).toArray(String[]::new))
                .setParameter("owners", churns.stream().map(NewChurn::ownerId).toArray(UUID[]::new))
                .setParameter("activities", churns.stream().map(NewChurn::activityId).toArray(UUID[]::new))
                .setParameter("at", at).setParameter("month", month).setParameter("method", method.name())
                .setParameter("cause", cause == null ? null : cause.name()).setParameter("analysis", analysis)
                .setParameter("investigated", cause != null || analysis != null).setParameter("by", by)
                .executeUpdate();
    }

    /** The churns of a customer the caller has been checked to see, newest first. */
    List<Tuple> ofContact(UUID contactId) {
        return Rows.list(getEntityManager().createNativeQuery(select("r.contact_id = :contact") + " ORDER BY r.churned_at DESC, r.id",
                Tuple.class).setParameter("contact", contactId));
    }

    /** One churn, if the caller may see its customer. */
    Optional<Tuple> visible(UUID id, Visibility.Predicate visible) {
        return Rows.first(visible.bind(getEntityManager().createNativeQuery(select("r.id = :id AND " + visible.text()), Tuple.class))
                .setParameter("id", id));
    }

    /** A month's churns whose customers the caller may see, oldest first. */
    List<Tuple> ofMonth(LocalDate month, Visibility.Predicate visible) {
        return Rows.list(visible.bind(getEntityManager().createNativeQuery(
                select("r.month = :month AND " + visible.text()) + " ORDER BY r.churned_at, r.id", Tuple.class))
                .setParameter("month", month));
    }

    /** Per month: the churns whose customers the caller may see, and how many of them lack a cause or an analysis. */
    List<Tuple> countsOfMonths(Collection<LocalDate> months, Visibility.Predicate visible) {
        if (months.isEmpty()) {
            return List.of();
        }
        return Rows.list(visible.bind(getEntityManager().createNativeQuery("""
                SELECT r.month AS month, count(*) AS churned,
                       count(*) FILTER (WHERE r.cause IS NULL OR r.analysis IS NULL) AS incomplete
                FROM churn_record r JOIN %s AS c ON c.id = r.contact_id
                WHERE r.month = ANY (CAST(:months AS date[])) AND %s
                GROUP BY r.month""".formatted(ContactReadModel.CONTACTS, visible.text()), Tuple.class))
                .setParameter("months", months.toArray(LocalDate[]::new)));
    }

    /** The whole team's churns of a month (the churn rate's numerator) and how many lack a cause or an analysis. */
    Tuple teamCounts(LocalDate month) {
        return Rows.one(getEntityManager().createNativeQuery("""
                SELECT count(*) AS churned, count(*) FILTER (WHERE r.cause IS NULL OR r.analysis IS NULL) AS incomplete
                FROM churn_record r WHERE r.month = :month""", Tuple.class).setParameter("month", month));
    }

    Optional<ChurnRecord> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(ChurnRecord.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static String select(String where) {
        return """
                SELECT r.id AS id, r.contact_id AS contact_id, c.name AS contact_name, r.churned_at AS churned_at, r.month AS month,
                       r.method AS method, r.from_stage AS from_stage, r.owner_id AS owner_id, r.abc_tier AS abc_tier, r.cause AS cause,
                       r.analysis AS analysis, r.investigated_by AS investigated_by, r.investigated_at AS investigated_at,
                       r.recorded_by AS recorded_by, r.version AS version,
                       (SELECT min(p.occurred_at) FROM %2$s AS p WHERE p.contact_id = r.contact_id AND p.occurred_at > r.churned_at)
                           AS won_back_at,
                       EXISTS (SELECT 1 FROM churn_review v WHERE v.month = r.month AND v.state = 'CLOSED') AS review_closed
                FROM churn_record r JOIN %1$s AS c ON c.id = r.contact_id
                WHERE %3$s""".formatted(ContactReadModel.LIFECYCLE, PurchaseReadModel.PURCHASES, where);
    }
}
