package io.guanxi.crm.complaint;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.user.UserReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query and write on {@code complaint} and {@code complaint_event}, the SLA scan's set-based
 * statements included. Reads of other features' tables go through their read models
 * ({@link ContactReadModel}, {@link PurchaseReadModel}, {@link UserReadModel}).
 */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    public static final Map<String, String> SORTABLE = Map.of("receivedAt", "c.received_at", "severity",
            "array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], c.severity)", "resolveDueAt", "c.resolve_due_at");

    /** One event row as read back. */
    public record EventRow(UUID complaintId, String action, ComplaintState from, ComplaintState to, String text, Long points,
            UUID actorId, Instant at) {
    }

    /** A row the SLA scan flagged or warned about. */
    public record ScanRow(UUID id, UUID contactId, UUID person, Instant dueAt) {
    }

    Complaint findForTransition(UUID id) {
        // A row lock inside one transition only: the If-Match check decides who wins, the lock keeps the SLA scan out meanwhile.
        return getEntityManager().find(Complaint.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of complaints matching {@code where} (SQL over {@code c} = complaint and {@code ct} = the customer). */
    List<Complaint> page(List<String> where, Map<String, Object> params, PageRequest paging) {
        var select = getEntityManager().createNativeQuery("SELECT c.*" + from(where) + " ORDER BY " + paging.orderBySql()
                + ", c.id LIMIT :size OFFSET :offset", Complaint.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Complaint> items = select.setParameter("size", paging.size()).setParameter("offset", paging.offset()).getResultList();
        return items;
    }

    long countWhere(List<String> where, Map<String, Object> params) {
        var count = getEntityManager().createNativeQuery("SELECT count(*)" + from(where));
        params.forEach(count::setParameter);
        return SqlValues.longValue(count.getSingleResult());
    }

    private static String from(List<String> where) {
        return " FROM complaint c JOIN " + ContactReadModel.CONTACTS + " ct ON ct.id = c.contact_id WHERE "
                + (where.isEmpty() ? "true" : String.join(" AND ", where));
    }

    /**
     * For the global search: complaints matching {@code where} (as {@link #page}: {@code c} and the customer {@code ct}),
     * open ones first, newest first; at most {@code limit}.
     */
    List<Complaint> search(List<String> where, Map<String, Object> params, int limit) {
        var select = getEntityManager().createNativeQuery("SELECT c.*" + from(where) + " ORDER BY c.state IN " + ComplaintState.OPEN_SQL
                + " DESC, c.received_at DESC, c.id LIMIT :limit", Complaint.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Complaint> items = select.setParameter("limit", limit).getResultList();
        return items;
    }

    /** The visibility predicate for {@link #page}: the customer of the complaint, as {@code ct}. */
    static Visibility.Predicate visibleCustomers(Visibility visibility) {
        return visibility.contactSql("ct");
    }

    List<Complaint> ofContact(UUID contactId, int max) {
        return find("contactId = ?1 order by receivedAt desc, id", contactId).page(0, max).list();
    }

    boolean hasChurnRiskComplaint(UUID contactId) {
        return !getEntityManager().createNativeQuery("""
                SELECT 1 FROM complaint WHERE contact_id = :c AND severity IN %s
                  AND state IN %s LIMIT 1""".formatted(Severity.CHURN_RISK_SQL, ComplaintState.AWAITING_RESOLUTION_SQL))
                .setParameter("c", contactId).getResultList().isEmpty();
    }

    void insertEvent(UUID complaintId, String action, ComplaintState from, ComplaintState to, String text, Long points, UUID actor,
            Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, points, actor_id, at)
                VALUES (:c, :action, CAST(:from AS varchar), :to, CAST(:text AS varchar), CAST(:points AS bigint), :actor, :at)""")
                .setParameter("points", points)
                .setParameter("c", complaintId).setParameter("action", action).setParameter("from", from == null ? null : from.name())
                .setParameter("to", to.name()).setParameter("text", text).setParameter("actor", actor)
                .setParameter("at", at).executeUpdate();
    }

    List<EventRow> events(List<UUID> complaintIds) {
        return Rows.list(getEntityManager().createNativeQuery("""
                SELECT complaint_id AS complaint_id, action AS action, from_state AS from_state, to_state AS to_state, text AS text,
                       points AS points, actor_id AS actor_id, at AS at FROM complaint_event
                WHERE complaint_id = ANY(:ids) ORDER BY at, id""", Tuple.class)
                .setParameter("ids", complaintIds.toArray(UUID[]::new))).stream()
                .map(r -> new EventRow(Rows.uuid(r, "complaint_id"), Rows.string(r, "action"),
                        Rows.enumValue(r, "from_state", ComplaintState.class), Rows.enumValue(r, "to_state", ComplaintState.class),
                        Rows.string(r, "text"), Rows.nullableLong(r, "points"), Rows.uuid(r, "actor_id"), Rows.instant(r, "at")))
                .toList();
    }

    /** The customer a purchase belongs to, through the purchase feature's read model. */
    Optional<UUID> customerOfPurchase(UUID purchaseId) {
        return getEntityManager().createNativeQuery("SELECT p.contact_id FROM " + PurchaseReadModel.PURCHASES + " p WHERE p.id = :id",
                UUID.class).setParameter("id", purchaseId).getResultStream().findFirst().map(UUID.class::cast);
    }

    /** The least-loaded active service agent (fewest open complaints), so intake never waits for a dispatcher. */
    Optional<UUID> leastLoadedAgent() {
        return getEntityManager().createNativeQuery("""
                SELECT a.id FROM %s a
                ORDER BY (SELECT count(*) FROM complaint c WHERE c.assignee_id = a.id AND c.state IN %s), a.id
                LIMIT 1""".formatted(UserReadModel.ACTIVE_WITH_ROLE, ComplaintState.OPEN_SQL), UUID.class)
                .setParameter("role", Role.SERVICE_AGENT.name()).getResultStream().findFirst().map(UUID.class::cast);
    }

    /** Active managers: an escalation goes to one of them. */
    List<UUID> activeManagers() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("SELECT m.id FROM " + UserReadModel.ACTIVE_WITH_ROLE + " m", UUID.class)
                .setParameter("role", Role.MANAGER.name()).getResultList();
        return ids;
    }

    private static final String BREACH = """
            WITH breached AS (
                UPDATE complaint c SET %1$s_breached_at = :now,
                       escalated_at = COALESCE(c.escalated_at, :now),
                       escalated_to = COALESCE(c.escalated_to, CAST(:manager AS uuid))
                WHERE %2$s AND c.%1$s_breached_at IS NULL AND c.%1$s_due_at <= :now
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, :action, state, state, NULL, :now FROM breached)
            SELECT id AS id, contact_id AS contact_id, escalated_to AS escalated_to FROM breached""";

    /**
     * Flags one kind of breach where it is not flagged yet (so each deadline breaches and escalates once) and records a
     * {@code BREACH_<deadline>} event. Does not bump the complaint's version: the scan is not an edit and must not make an
     * agent's open step stale.
     */
    List<ScanRow> flagBreaches(SlaDeadline deadline, UUID manager, Instant now) {
        String sql = BREACH.formatted(deadline.column, "c.state IN " + deadline.statesSql());
        return Rows.list(getEntityManager().createNativeQuery(sql, Tuple.class).setParameter("now", now).setParameter("manager", manager)
                .setParameter("action", deadline.breachAction())).stream()
                .map(r -> new ScanRow(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "escalated_to"), now)).toList();
    }

    /**
     * {@link SlaRules#dueSoon} in SQL: the deadline {@code due} has not passed at {@code :now} and falls within
     * {@code warnMinutes} of it. {@code SlaRulesConsistencyTest} holds the two equal.
     */
    static String dueSoonSql(String due, String warnMinutes) {
        return "(%1$s > :now AND %1$s - make_interval(mins => %2$s) <= :now)".formatted(due, warnMinutes);
    }

    /**
     * Marks as warned the complaints whose resolution falls due within their severity's {@code warn_before_minutes}
     * ({@link #dueSoonSql}).
     */
    List<ScanRow> markWarned(Instant now) {
        long maxWarn = SqlValues.longValue(getEntityManager()
                .createNativeQuery("SELECT COALESCE(max(warn_before_minutes), 0) FROM complaint_sla_policy").getSingleResult());
        return Rows.list(getEntityManager().createNativeQuery("""
                UPDATE complaint c SET warned_at = :now
                FROM complaint_sla_policy p
                WHERE p.severity = c.severity
                  AND c.state IN %s AND c.warned_at IS NULL
                  AND c.resolve_due_at <= CAST(:horizon AS timestamptz) AND %s
                  AND c.assignee_id IS NOT NULL
                RETURNING c.id AS id, c.contact_id AS contact_id, c.assignee_id AS assignee_id, c.resolve_due_at AS resolve_due_at"""
                .formatted(ComplaintState.AWAITING_RESOLUTION_SQL, dueSoonSql("c.resolve_due_at", "p.warn_before_minutes")), Tuple.class).setParameter("now", now)
                .setParameter("horizon", now.plus(java.time.Duration.ofMinutes(maxWarn)))).stream()
                .map(r -> new ScanRow(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "assignee_id"),
                        Rows.instant(r, "resolve_due_at")))
                .toList();
    }
}
