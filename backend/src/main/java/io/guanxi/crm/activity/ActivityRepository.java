package io.guanxi.crm.activity;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every read and write of the {@code activity} table. Finders for people are limited by
 * {@link Visibility}'s own-rows rule on the assignee (managers and admins see the team's); the rule
 * writers (set-based, run by jobs and other features' transitions) are package-private and reached
 * through {@link RuleActivities}.
 */
@ApplicationScoped
public class ActivityRepository {

    static final Map<String, String> SORTABLE = Map.of("dueAt", "a.dueAt", "createdAt", "a.createdAt");

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    @Inject
    ObjectMapper json;

    void persist(Activity activity) {
        em.persist(activity);
    }

    void flush() {
        em.flush();
    }

    /** The activity if the caller may see it (assigned to them, or they manage), locked for a change when asked. */
    Optional<Activity> findVisible(UUID id, boolean forUpdate) {
        Visibility.Predicate scope = visibility.ownRowsJpql("a.assigneeId");
        TypedQuery<Activity> query = scope.bind(em.createQuery("from Activity a where a.id = :id and " + scope.text(),
                Activity.class)).setParameter("id", id);
        if (forUpdate) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** One page of what the caller may see, matching the filters, and the total. */
    Page list(ActivityQuery filter, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(visibility.ownRowsJpql("a.assigneeId").into(params));
        add(where, params, "a.assigneeId = :assignee", "assignee", filter.assignee());
        add(where, params, "a.status = :status", "status", filter.status());
        add(where, params, "a.overdueAt <= :overdueBy", "overdueBy", filter.overdueBy());
        add(where, params, "a.dueAt >= :dueFrom", "dueFrom", filter.dueFrom());
        add(where, params, "a.dueAt < :dueBefore", "dueBefore", filter.dueBefore());
        add(where, params, "a.kind in :kinds", "kinds", filter.kinds());
        add(where, params, "a.contactId = :contactId", "contactId", filter.contactId());
        add(where, params, "a.leadId = :leadId", "leadId", filter.leadId());
        add(where, params, "a.complaintId = :complaintId", "complaintId", filter.complaintId());
        String condition = String.join(" and ", where);
        TypedQuery<Long> count = em.createQuery("select count(a) from Activity a where " + condition, Long.class);
        params.forEach(count::setParameter);
        TypedQuery<Activity> rows = em.createQuery("from Activity a where " + condition + " order by "
                + paging.orderBySql() + ", a.id", Activity.class);
        params.forEach(rows::setParameter);
        return new Page(rows.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                count.getSingleResult());
    }

    record Page(List<Activity> items, long total) {
    }

    private static void add(List<String> where, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
    }

    // --- The working day (today page): each count and list reads one index of the assignee's activities.

    /** One's open activities that are overdue: the count (up to the cap), and the first (longest overdue first). */
    long countOverdue(UUID assignee, Instant now) {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap("""
                SELECT 1 FROM activity WHERE assignee_id = :a AND status = 'OPEN' AND overdue_at <= :now"""))
                .setParameter("a", assignee).setParameter("now", now).getSingleResult());
    }

    List<Activity> firstOverdue(UUID assignee, Instant now, int limit) {
        return em.createQuery("""
                from Activity a where a.assigneeId = :a and a.status = :open and a.overdueAt <= :now
                order by a.overdueAt, a.id""", Activity.class)
                .setParameter("a", assignee).setParameter("open", ActivityStatus.OPEN).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** One's open activities due in [from, to) and not yet overdue: the count, and the first by due time. */
    long countDue(UUID assignee, Instant from, Instant to, Instant now) {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap("""
                SELECT 1 FROM activity WHERE assignee_id = :a AND status = 'OPEN'
                  AND due_at >= :from AND due_at < :to AND overdue_at > :now"""))
                .setParameter("a", assignee).setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .getSingleResult());
    }

    List<Activity> firstDue(UUID assignee, Instant from, Instant to, Instant now, int limit) {
        return em.createQuery("""
                from Activity a where a.assigneeId = :a and a.status = :open and a.dueAt >= :from and a.dueAt < :to
                  and a.overdueAt > :now order by a.dueAt, a.id""", Activity.class)
                .setParameter("a", assignee).setParameter("open", ActivityStatus.OPEN).setParameter("from", from)
                .setParameter("to", to).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The team's overdue activities by assignee, most first. */
    List<Tuple> overdueByAssignee(Instant now, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT assignee_id AS assignee_id, count(*) AS overdue FROM activity
                WHERE status = 'OPEN' AND overdue_at <= :now
                GROUP BY assignee_id ORDER BY overdue DESC, assignee_id LIMIT :limit""", Tuple.class)
                .setParameter("now", now).setParameter("limit", limit));
    }

    /** Of the team's activities due in [from, now) and not cancelled: how many, and how many were done in time. */
    Tuple doneOnTime(Instant from, Instant now) {
        return Rows.one(em.createNativeQuery("""
                SELECT count(*) AS due,
                       count(*) FILTER (WHERE status = 'DONE' AND completed_at <= overdue_at) AS on_time
                FROM activity WHERE due_at >= :from AND due_at < :now AND status <> 'CANCELLED'""", Tuple.class)
                .setParameter("from", from).setParameter("now", now));
    }

    /** A customer changed hands: its open activities assigned to the previous owner go to the new one. */
    int carry(UUID contactId, UUID fromOwner, UUID toOwner, Instant now) {
        return em.createNativeQuery("""
                UPDATE activity SET assignee_id = :to, updated_at = :now, version = version + 1
                WHERE contact_id = :contact AND status = 'OPEN' AND assignee_id = :from""")
                .setParameter("to", toOwner).setParameter("now", now).setParameter("contact", contactId)
                .setParameter("from", fromOwner).executeUpdate();
    }

    // --- Rule writers: set-based, idempotent through the partial unique indexes on open rule activities.

    /**
     * Inserts one open activity per row unless the lead or complaint already has an open one from this
     * rule; returns those inserted (id, assignee_id, contact_id, lead_id, complaint_id).
     */
    void insertPlanned(ActivityRule rule, List<RuleActivities.PlannedActivity> planned, Instant now) {
        if (planned.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO activity (id, contact_id, lead_id, complaint_id, kind, assignee_id, due_at, all_day, overdue_at,
                                      priority, status, origin_rule, origin_params, created_at, updated_at, version)
                SELECT r.id, r.contact_id, r.lead_id, r.complaint_id, :kind, r.assignee_id, r.due_at,
                       r.overdue_at <> r.due_at, r.overdue_at, :priority, 'OPEN', :rule, r.params, :now, :now, 0
                FROM unnest(CAST(:ids AS uuid[]), CAST(:assignees AS uuid[]), CAST(:contacts AS uuid[]), CAST(:leads AS uuid[]),
                            CAST(:complaints AS uuid[]), CAST(:dues AS timestamptz[]), CAST(:overdues AS timestamptz[]),
                            CAST(:params AS jsonb[]))
                     AS r(id, assignee_id, contact_id, lead_id, complaint_id, due_at, overdue_at, params)""")
                .setParameter("kind", rule.kind().name()).setParameter("priority", rule.priority().name())
                .setParameter("rule", rule.name()).setParameter("now", now)
                .setParameter("ids", planned.stream().map(RuleActivities.PlannedActivity::id).toArray(UUID[]::new))
                .setParameter("assignees", planned.stream().map(p -> p.activity().assigneeId()).toArray(UUID[]::new))
                .setParameter("contacts", planned.stream().map(p -> p.activity().contactId()).toArray(UUID[]::new))
                .setParameter("leads", planned.stream().map(p -> p.activity().leadId()).toArray(UUID[]::new))
                .setParameter("complaints", planned.stream().map(p -> p.activity().complaintId()).toArray(UUID[]::new))
                .setParameter("dues", planned.stream().map(p -> p.activity().dueAt()).toArray(Instant[]::new))
                .setParameter("overdues", planned.stream().map(p -> p.activity().overdueAt()).toArray(Instant[]::new))
                .setParameter("params", planned.stream().map(p -> json(p.params())).toArray(String[]::new))
                .executeUpdate();
    }

    List<Tuple> insertForRule(ActivityRule rule, Map<String, String> params, List<RuleActivity> activities, Instant doneSince,
            Instant now) {
        if (activities.isEmpty()) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("""
                INSERT INTO activity (id, contact_id, lead_id, complaint_id, kind, assignee_id, due_at, all_day, overdue_at,
                                      priority, status, origin_rule, origin_params, created_at, updated_at, version)
                SELECT gen_random_uuid(), r.contact_id, r.lead_id, r.complaint_id, :kind, r.assignee_id, r.due_at,
                       r.overdue_at <> r.due_at, r.overdue_at, :priority, 'OPEN', :rule, CAST(:params AS jsonb), :now, :now, 0
                FROM unnest(CAST(:assignees AS uuid[]), CAST(:contacts AS uuid[]), CAST(:leads AS uuid[]),
                            CAST(:complaints AS uuid[]), CAST(:dues AS timestamptz[]), CAST(:overdues AS timestamptz[]))
                     AS r(assignee_id, contact_id, lead_id, complaint_id, due_at, overdue_at)
                WHERE CAST(:doneSince AS timestamptz) IS NULL OR NOT EXISTS (
                      SELECT 1 FROM activity d WHERE d.origin_rule = :rule AND d.completed_at > CAST(:doneSince AS timestamptz)
                        AND (d.lead_id = r.lead_id OR d.complaint_id = r.complaint_id))
                ON CONFLICT DO NOTHING
                RETURNING id AS id, assignee_id AS assignee_id, contact_id AS contact_id, lead_id AS lead_id,
                          complaint_id AS complaint_id""", Tuple.class)
                .setParameter("kind", rule.kind().name()).setParameter("priority", rule.priority().name())
                .setParameter("rule", rule.name()).setParameter("params", json(params)).setParameter("now", now)
                .setParameter("doneSince", doneSince)
                .setParameter("assignees", activities.stream().map(RuleActivity::assigneeId).toArray(UUID[]::new))
                .setParameter("contacts", activities.stream().map(RuleActivity::contactId).toArray(UUID[]::new))
                .setParameter("leads", activities.stream().map(RuleActivity::leadId).toArray(UUID[]::new))
                .setParameter("complaints", activities.stream().map(RuleActivity::complaintId).toArray(UUID[]::new))
                .setParameter("dues", activities.stream().map(RuleActivity::dueAt).toArray(Instant[]::new))
                .setParameter("overdues", activities.stream().map(RuleActivity::overdueAt).toArray(Instant[]::new)));
    }

    private String json(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The complaint's open activity from this rule moves to the new due time, or one is made. */
    void upsertForComplaint(ActivityRule rule, RuleActivity activity, UUID id, Instant now) {
        em.createNativeQuery("""
                INSERT INTO activity (id, contact_id, complaint_id, kind, assignee_id, due_at, all_day, overdue_at,
                                      priority, status, origin_rule, created_at, updated_at, version)
                VALUES (:id, :contact, :complaint, :kind, :assignee, :due, false, :due, :priority, 'OPEN', :rule, :now, :now, 0)
                ON CONFLICT (complaint_id, origin_rule) WHERE status = 'OPEN'
                DO UPDATE SET due_at = EXCLUDED.due_at, overdue_at = EXCLUDED.due_at, updated_at = EXCLUDED.updated_at,
                              version = activity.version + 1""")
                .setParameter("id", id).setParameter("contact", activity.contactId()).setParameter("complaint", activity.complaintId())
                .setParameter("kind", rule.kind().name()).setParameter("assignee", activity.assigneeId())
                .setParameter("due", activity.dueAt()).setParameter("priority", rule.priority().name())
                .setParameter("rule", rule.name()).setParameter("now", now).executeUpdate();
    }

    /** Marks done the open activities that a rule made about this complaint (one rule, or all when null). */
    int completeForComplaint(UUID complaintId, ActivityRule rule, Instant now) {
        return em.createNativeQuery("""
                UPDATE activity SET status = 'DONE', completed_at = :now, updated_at = :now, version = version + 1
                WHERE complaint_id = :id AND status = 'OPEN' AND origin_rule IS NOT NULL
                  AND (CAST(:rule AS varchar) IS NULL OR origin_rule = :rule)""")
                .setParameter("now", now).setParameter("id", complaintId)
                .setParameter("rule", rule == null ? null : rule.name()).executeUpdate();
    }

    /** Marks done an open activity a rule made, by its id. */
    int completePlanned(UUID activityId, UUID by, Instant now) {
        return em.createNativeQuery("""
                UPDATE activity SET status = 'DONE', completed_at = :now, completed_by = :by, updated_at = :now,
                                    version = version + 1
                WHERE id = :id AND status = 'OPEN' AND origin_rule IS NOT NULL""")
                .setParameter("now", now).setParameter("by", by).setParameter("id", activityId).executeUpdate();
    }

    /** Marks done the open activities this rule made about the customer: someone was in touch. */
    int completeForContact(UUID contactId, ActivityRule rule, UUID by, Instant now) {
        return em.createNativeQuery("""
                UPDATE activity SET status = 'DONE', completed_at = :now, completed_by = :by, updated_at = :now,
                                    version = version + 1
                WHERE contact_id = :contact AND status = 'OPEN' AND origin_rule = :rule""")
                .setParameter("now", now).setParameter("by", by).setParameter("contact", contactId)
                .setParameter("rule", rule.name()).executeUpdate();
    }

    /**
     * Marks announced, and returns, open activities that fell overdue and were not announced yet (a
     * batch; concurrent scans skip each other's rows): id, assignee_id, contact_id.
     */
    List<Tuple> announceOverdue(Instant now, int batch) {
        return Rows.list(em.createNativeQuery("""
                UPDATE activity a SET overdue_announced_at = :now
                WHERE a.id IN (SELECT id FROM activity WHERE status = 'OPEN' AND overdue_announced_at IS NULL
                               AND overdue_at <= :now ORDER BY overdue_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING a.id AS id, a.assignee_id AS assignee_id, a.contact_id AS contact_id""", Tuple.class)
                .setParameter("now", now).setParameter("batch", batch));
    }

    /**
     * After a person set a due time: one already past needs no announcement (they know), one ahead is
     * announced when it falls overdue.
     */
    void resetOverdueAnnouncement(UUID id, Instant now) {
        em.createNativeQuery("""
                UPDATE activity SET overdue_announced_at = CASE WHEN overdue_at <= :now THEN CAST(:now AS timestamptz) END
                WHERE id = :id""").setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /** Of these people, the one with the fewest open activities from this rule (ties: lowest id), or none. */
    Optional<UUID> leastBusy(List<UUID> candidates, ActivityRule rule) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Rows.first(em.createNativeQuery("""
                SELECT u.id AS id FROM unnest(CAST(:ids AS uuid[])) AS u(id)
                ORDER BY (SELECT count(*) FROM activity a WHERE a.assignee_id = u.id AND a.origin_rule = :rule
                          AND a.status = 'OPEN'), u.id
                LIMIT 1""", Tuple.class)
                .setParameter("ids", candidates.toArray(UUID[]::new)).setParameter("rule", rule.name()))
                .map(r -> Rows.uuid(r, "id"));
    }
}
