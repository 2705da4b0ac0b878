package io.guanxi.crm.winback;

import io.guanxi.crm.campaign.Segments;
import io.guanxi.crm.churn.ChurnReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Win-back plans, their customers and their history. */
@ApplicationScoped
public class WinbackRepository implements PanacheRepositoryBase<WinbackPlan, UUID> {

    static final Map<String, String> SORTABLE = Map.of("checkDate", "p.check_date", "createdAt", "p.created_at", "name", "p.name");

    /** One state change as read back. */
    record EventRow(WinbackState from, WinbackState to, UUID actorId, Instant at) {
    }

    /** A plan's figures: targets, outcomes recorded, and customers who bought again after it started. */
    record Figures(int targets, Map<WinbackOutcome, Integer> outcomes, int wonBack) {
    }

    /** A target with its customer's owner, to plan the owner's activity. */
    record TargetOwner(UUID targetId, UUID contactId, UUID ownerId) {
    }

    WinbackPlan findForTransition(UUID id) {
        // A row lock inside one transition: If-Match decides who wins, the lock makes check-and-move one step.
        return getEntityManager().find(WinbackPlan.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The plans the caller may see: all of them for whoever sees every customer, else those they own or that reach their customers. */
    static String visiblePlans(Visibility visibility, UUID caller, Map<String, Object> params) {
        if (visibility.seesAllCustomers()) {
            return "true";
        }
        params.put("caller", caller);
        return "(p.owner_id = :caller OR EXISTS (SELECT 1 FROM winback_target vt JOIN " + ContactReadModel.CONTACTS
                + " c ON c.id = vt.contact_id WHERE vt.plan_id = p.id AND " + visibility.contactSql("c").into(params) + "))";
    }

    List<WinbackPlan> page(String where, Map<String, Object> params, PageRequest paging) {
        var select = getEntityManager().createNativeQuery("SELECT p.* FROM winback_plan p WHERE " + where + " ORDER BY "
                + paging.orderBySql() + ", p.id LIMIT :size OFFSET :offset", WinbackPlan.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<WinbackPlan> items = select.setParameter("size", paging.size()).setParameter("offset", paging.offset()).getResultList();
        return items;
    }

    long countWhere(String where, Map<String, Object> params) {
        var count = getEntityManager().createNativeQuery("SELECT count(*) FROM winback_plan p WHERE " + where);
        params.forEach(count::setParameter);
        return SqlValues.longValue(count.getSingleResult());
    }

    /** Of these customers, those the caller may see and that are not archived. */
    Set<UUID> visibleActive(Collection<UUID> contactIds, Visibility visibility) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", contactIds.toArray(UUID[]::new));
        var query = getEntityManager().createNativeQuery("SELECT c.id AS id FROM " + ContactReadModel.ACTIVE_PROFILES
                + " c WHERE c.id = ANY(:ids) AND " + visibility.contactSql("c").into(params), Tuple.class);
        params.forEach(query::setParameter);
        return Rows.list(query).stream().map(r -> Rows.uuid(r, "id")).collect(Collectors.toSet());
    }

    /** Up to {@code limit} customers churned in this review month who are still churned, that the caller may see. */
    List<UUID> stillChurnedIn(LocalDate month, Visibility visibility, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visible = visibility.contactSql("c").into(params);
        var query = getEntityManager().createNativeQuery("SELECT DISTINCT ch.contact_id AS contact_id FROM " + ChurnReadModel.CHURNED
                + " AS ch JOIN " + ContactReadModel.ACTIVE_STAGES + " AS c ON c.id = ch.contact_id"
                + " WHERE ch.month = :month AND c.lifecycle_stage = :churned AND " + visible + " ORDER BY ch.contact_id LIMIT :limit",
                Tuple.class);
        params.forEach(query::setParameter);
        return Rows.list(query.setParameter("month", month).setParameter("churned", LifecycleStage.CHURNED.name())
                .setParameter("limit", limit)).stream().map(r -> Rows.uuid(r, "contact_id")).toList();
    }

    /** Up to {@code limit} customers of a segment's filter (already within the caller's visibility). */
    List<UUID> matching(Segments.Filter filter, int limit) {
        var query = getEntityManager().createNativeQuery("SELECT m.contact_id AS contact_id FROM (" + filter.sql()
                + ") AS m ORDER BY m.contact_id LIMIT :winbackLimit", Tuple.class);
        filter.params().forEach(query::setParameter);
        return Rows.list(query.setParameter("winbackLimit", limit)).stream().map(r -> Rows.uuid(r, "contact_id")).toList();
    }

    void insertTargets(UUID planId, Collection<UUID> contactIds) {
        for (UUID contactId : contactIds) {
            WinbackTarget target = new WinbackTarget();
            target.id = Ids.newId();
            target.planId = planId;
            target.contactId = contactId;
            getEntityManager().persist(target);
        }
    }

    void deleteTargets(UUID planId) {
        getEntityManager().createNativeQuery("DELETE FROM winback_target WHERE plan_id = :plan").setParameter("plan", planId).executeUpdate();
    }

    List<UUID> targetContacts(UUID planId) {
        return Rows.list(getEntityManager().createNativeQuery(
                "SELECT t.contact_id AS contact_id FROM winback_target t WHERE t.plan_id = :plan ORDER BY t.id", Tuple.class)
                .setParameter("plan", planId)).stream().map(r -> Rows.uuid(r, "contact_id")).toList();
    }

    /** The targets whose customers are still held (not archived), with the customer's owner. */
    List<TargetOwner> activeTargetsWithOwner(UUID planId) {
        return Rows.list(getEntityManager().createNativeQuery("SELECT t.id AS target_id, t.contact_id AS contact_id, c.owner_id AS owner_id"
                + " FROM winback_target t JOIN " + ContactReadModel.ACTIVE_PROFILES + " c ON c.id = t.contact_id"
                + " WHERE t.plan_id = :plan ORDER BY t.id", Tuple.class).setParameter("plan", planId)).stream()
                .map(r -> new TargetOwner(Rows.uuid(r, "target_id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "owner_id"))).toList();
    }

    void linkActivity(UUID targetId, UUID activityId) {
        getEntityManager().createNativeQuery("UPDATE winback_target SET activity_id = :activity WHERE id = :id")
                .setParameter("activity", activityId).setParameter("id", targetId).executeUpdate();
    }

    private static final String FIRST_PURCHASE_AFTER_START = """
            SELECT t.id AS target_id, min(pu.occurred_at) AS won_back_at
            FROM winback_target t
            JOIN winback_plan p ON p.id = t.plan_id
            JOIN %s pu ON pu.contact_id = t.contact_id AND pu.kept_amount > 0
                 AND pu.occurred_at >= p.started_at AND pu.occurred_at < p.started_at + make_interval(days => p.goal_days)
            WHERE t.plan_id IN (:plans)
            GROUP BY t.id""".formatted(PurchaseReadModel.PURCHASES);

    /**
     * CHECK: every target that bought (and kept it) after the plan started and within its goal's days is won back,
     * at the time of its first such purchase; kept on the row so the result reads the same later.
     */
    Checked freezeWonBack(UUID planId) {
        getEntityManager().createNativeQuery("UPDATE winback_target t SET won_back_at = w.won_back_at FROM (" + FIRST_PURCHASE_AFTER_START
                + ") w WHERE t.id = w.target_id").setParameter("plans", List.of(planId)).executeUpdate();
        Tuple row = Rows.one(getEntityManager().createNativeQuery("""
                SELECT count(*) AS targets, count(t.won_back_at) AS won_back FROM winback_target t WHERE t.plan_id = :plan""", Tuple.class)
                .setParameter("plan", planId));
        return new Checked(Rows.intValue(row, "targets"), Rows.intValue(row, "won_back"));
    }

    /** What CHECK measured. */
    record Checked(int targets, int wonBack) {
    }

    /** Each plan's figures: won back as measured now while it is being done, as frozen by CHECK afterwards. */
    Map<UUID, Figures> figures(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = Rows.list(getEntityManager().createNativeQuery("""
                SELECT t.plan_id AS plan_id, count(*) AS targets,
                       count(*) FILTER (WHERE t.outcome = 'REACHED') AS reached,
                       count(*) FILTER (WHERE t.outcome = 'NO_ANSWER') AS no_answer,
                       count(*) FILTER (WHERE t.outcome = 'DECLINED') AS declined,
                       count(*) FILTER (WHERE t.outcome = 'BOOKED') AS booked,
                       count(*) FILTER (WHERE CASE WHEN p.checked_at IS NULL THEN live.won_back_at IS NOT NULL
                                                   ELSE t.won_back_at IS NOT NULL END) AS won_back
                FROM winback_target t
                JOIN winback_plan p ON p.id = t.plan_id
                LEFT JOIN (%s) live ON live.target_id = t.id
                WHERE t.plan_id IN (:plans)
                GROUP BY t.plan_id""".formatted(FIRST_PURCHASE_AFTER_START), Tuple.class).setParameter("plans", planIds));
        Map<UUID, Figures> figures = new HashMap<>();
        for (Tuple r : rows) {
            Map<WinbackOutcome, Integer> outcomes = Map.of(WinbackOutcome.REACHED, Rows.intValue(r, "reached"), WinbackOutcome.NO_ANSWER,
                    Rows.intValue(r, "no_answer"), WinbackOutcome.DECLINED, Rows.intValue(r, "declined"), WinbackOutcome.BOOKED,
                    Rows.intValue(r, "booked"));
            figures.put(Rows.uuid(r, "plan_id"), new Figures(Rows.intValue(r, "targets"), outcomes, Rows.intValue(r, "won_back")));
        }
        return figures;
    }

    /** A page of a plan's targets the caller may see, with the customer's owner and, while being done, the live won-back time. */
    List<Tuple> targetPage(UUID planId, Visibility visibility, int size, int offset) {
        return targets(planId, null, visibility, size, offset);
    }

    /** One target of the plan as {@link #targetPage} shows it, if the caller may see its customer. */
    List<Tuple> target(UUID planId, UUID targetId, Visibility visibility) {
        return targets(planId, targetId, visibility, 1, 0);
    }

    private List<Tuple> targets(UUID planId, UUID targetId, Visibility visibility, int size, int offset) {
        Map<String, Object> params = new HashMap<>();
        String visible = visibility.contactSql("c").into(params);
        var query = getEntityManager().createNativeQuery("""
                SELECT t.id AS id, t.contact_id AS contact_id, c.owner_id AS owner_id, t.activity_id AS activity_id, t.outcome AS outcome,
                       t.outcome_note AS outcome_note, t.outcome_by AS outcome_by, t.outcome_at AS outcome_at,
                       CASE WHEN p.checked_at IS NULL THEN live.won_back_at ELSE t.won_back_at END AS won_back_at, t.version AS version
                FROM winback_target t
                JOIN winback_plan p ON p.id = t.plan_id
                JOIN %s c ON c.id = t.contact_id
                LEFT JOIN (%s) live ON live.target_id = t.id
                WHERE t.plan_id = :plan AND (CAST(:target AS uuid) IS NULL OR t.id = :target) AND %s
                ORDER BY t.id LIMIT :size OFFSET :offset""".formatted(ContactReadModel.CONTACTS, FIRST_PURCHASE_AFTER_START, visible),
                Tuple.class);
        params.forEach(query::setParameter);
        return Rows.list(query.setParameter("plan", planId).setParameter("target", targetId).setParameter("plans", List.of(planId))
                .setParameter("size", size)
                .setParameter("offset", offset));
    }

    long countVisibleTargets(UUID planId, Visibility visibility) {
        Map<String, Object> params = new HashMap<>();
        String visible = visibility.contactSql("c").into(params);
        var query = getEntityManager().createNativeQuery("SELECT count(*) FROM winback_target t JOIN " + ContactReadModel.CONTACTS
                + " c ON c.id = t.contact_id WHERE t.plan_id = :plan AND " + visible);
        params.forEach(query::setParameter);
        return SqlValues.longValue(query.setParameter("plan", planId).getSingleResult());
    }

    /** The target, locked for an outcome, if the caller may see its customer. */
    WinbackTarget findTargetForUpdate(UUID planId, UUID targetId, Visibility visibility) {
        Map<String, Object> params = new HashMap<>();
        String visible = visibility.contactSql("c").into(params);
        var query = getEntityManager().createNativeQuery("SELECT t.id AS id FROM winback_target t JOIN " + ContactReadModel.CONTACTS
                + " c ON c.id = t.contact_id WHERE t.id = :id AND t.plan_id = :plan AND " + visible, Tuple.class);
        params.forEach(query::setParameter);
        return Rows.first(query.setParameter("id", targetId).setParameter("plan", planId))
                .map(r -> getEntityManager().find(WinbackTarget.class, targetId, LockModeType.PESSIMISTIC_WRITE)).orElse(null);
    }

    /** Customers of this plan not won back at its check: the next cycle's targets. */
    List<UUID> notWonBack(UUID planId) {
        return Rows.list(getEntityManager().createNativeQuery("SELECT t.contact_id AS contact_id FROM winback_target t JOIN "
                + ContactReadModel.ACTIVE_PROFILES + " c ON c.id = t.contact_id WHERE t.plan_id = :plan AND t.won_back_at IS NULL ORDER BY t.id",
                Tuple.class).setParameter("plan", planId)).stream().map(r -> Rows.uuid(r, "contact_id")).toList();
    }

    UUID nextPlanOf(UUID planId) {
        return Rows.first(getEntityManager().createNativeQuery("SELECT p.id AS id FROM winback_plan p WHERE p.previous_plan_id = :plan",
                Tuple.class).setParameter("plan", planId)).map(r -> Rows.uuid(r, "id")).orElse(null);
    }

    void insertEvent(UUID planId, WinbackState from, WinbackState to, UUID actor, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO winback_event (id, plan_id, from_state, to_state, actor_id, at)
                VALUES (:id, :plan, CAST(:from AS varchar), :to, :actor, :at)""")
                .setParameter("id", Ids.newId()).setParameter("plan", planId)
                .setParameter("from", from == null ? null : from.name()).setParameter("to", to.name()).setParameter("actor", actor)
                .setParameter("at", at).executeUpdate();
    }

    List<EventRow> events(UUID planId) {
        return Rows.list(getEntityManager().createNativeQuery("""
                SELECT e.from_state AS from_state, e.to_state AS to_state, e.actor_id AS actor_id, e.at AS at
                FROM winback_event e WHERE e.plan_id = :plan ORDER BY e.at, e.id""", Tuple.class).setParameter("plan", planId)).stream()
                .map(r -> new EventRow(Rows.enumValue(r, "from_state", WinbackState.class), Rows.enumValue(r, "to_state", WinbackState.class),
                        Rows.uuid(r, "actor_id"), Rows.instant(r, "at"))).toList();
    }
}
