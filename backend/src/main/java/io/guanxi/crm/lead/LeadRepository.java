package io.guanxi.crm.lead;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Unscoped;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.Seniority;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every read of leads. The public finders are limited to what the caller may see ({@link Visibility}'s
 * own-rows rule plus the unassigned queue the lead policy opens to reps); the unscoped ones (history
 * by lead id, open leads of a contact, claim) are package-private, for this feature's services only.
 */
@ApplicationScoped
public class LeadRepository {

    public static final Map<String, String> SORTABLE = Map.of(
            "score", "l.score", "createdAt", "l.createdAt", "updatedAt", "l.updatedAt");

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Visibility visibility;

    @Inject
    ScoringPolicyService policies;

    @Inject
    UserService users;

    void persist(Lead lead) {
        em.persist(lead);
    }

    public Optional<Lead> findVisible(UUID id) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(params);
        TypedQuery<Lead> query = em.createQuery("from Lead l where l.id = :id" + scope, Lead.class).setParameter("id", id);
        params.forEach(query::setParameter);
        return query.getResultStream().findFirst();
    }

    /** The leads about this contact that the caller may see, newest first. */
    public List<Lead> visibleOfContact(UUID contactId) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(params);
        TypedQuery<Lead> query = em.createQuery("from Lead l where l.contactId = :c" + scope
                + " order by l.createdAt desc, l.id", Lead.class).setParameter("c", contactId);
        params.forEach(query::setParameter);
        return query.setMaxResults(50).getResultList();
    }

    /** Open leads about this contact, whoever owns them (their scores follow the contact's activity). */
    @Unscoped("Rescoring follows a contact's activity into every open lead, whoever owns it")
    List<UUID> openLeadIdsOfContact(UUID contactId) {
        return em.createQuery("select l.id from Lead l where l.contactId = :c and l.status in :open", UUID.class)
                .setParameter("c", contactId).setParameter("open", LeadStatus.OPEN).getResultList();
    }

    public record Page(List<Lead> items, long total) {
    }

    public Page list(LeadQueue queue, LeadStatus status, int priorityThreshold, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        if (status != null) {
            clauses.add("l.status = :status");
            params.put("status", status);
        }
        if (queue != null) {
            switch (queue) {
                case MINE -> {
                    clauses.add("l.ownerId = :me");
                    params.put("me", currentUser.id());
                }
                case UNASSIGNED -> clauses.add("l.ownerId is null");
                case PRIORITY -> {
                    clauses.add("l.score >= :priority");
                    params.put("priority", BigDecimal.valueOf(priorityThreshold));
                }
            }
            if (status == null) {
                clauses.add("l.status in :open");
                params.put("open", LeadStatus.OPEN);
            }
        }
        String where = " where 1=1" + (clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses)) + scope(params);
        TypedQuery<Long> count = em.createQuery("select count(l) from Lead l" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        TypedQuery<Lead> select = em.createQuery("from Lead l" + where + " order by " + paging.orderBySql() + ", l.id",
                Lead.class);
        params.forEach(select::setParameter);
        List<Lead> items = total == 0 ? List.of()
                : select.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return new Page(items, total);
    }

    @Unscoped("Score history of a lead already checked")
    List<Tuple> history(UUID leadId, int offset, int size) {
        return Rows.list(em.createNativeQuery("""
                SELECT score AS score, match_score AS match_score, activity_count AS activity_count, policy_version AS policy_version,
                       cause AS cause, changed_at AS changed_at
                FROM lead_score_history WHERE lead_id = :id ORDER BY changed_at DESC, id DESC LIMIT :size OFFSET :offset""",
                Tuple.class).setParameter("id", leadId).setParameter("size", size).setParameter("offset", offset));
    }

    @Unscoped("Score history of a lead already checked")
    long historyCount(UUID leadId) {
        return SqlValues.longValue(em.createNativeQuery("SELECT count(*) FROM lead_score_history WHERE lead_id = :id")
                .setParameter("id", leadId).getSingleResult());
    }

    void flush() {
        em.flush();
    }

    void refresh(Lead lead) {
        em.refresh(lead);
    }

    /**
     * Managers and admins see every lead; a sales rep their own and, when the policy allows, the
     * unassigned open leads of their seniority's queue: seniors the priority queue (score at or above
     * the priority threshold), juniors the potential queue (below it). Anyone else only what they own.
     */
    private String scope(Map<String, Object> params) {
        return scope(params, false);
    }

    /** {@link #scope(Map)} for JPQL over {@code Lead l}, or for native SQL over the table {@code lead l}. */
    private String scope(Map<String, Object> params, boolean nativeSql) {
        String ownerColumn = nativeSql ? "l.owner_id" : "l.ownerId";
        String own = visibility.ownRowsJpql(ownerColumn).into(params);
        if (currentUser.isManagerOrAdmin()) {
            return " and " + own;
        }
        LeadScoringPolicy policy = policies.current();
        if (!currentUser.has(Role.SALES_REP) || !policy.repsSeeUnassigned) {
            return " and " + own;
        }
        boolean senior = users.find(currentUser.id()).seniority == Seniority.SENIOR;
        params.put("scopePriority", BigDecimal.valueOf(policy.priorityThreshold));
        String open;
        if (nativeSql) {
            open = LeadStatus.OPEN_SQL;
        } else {
            params.put("scopeOpen", LeadStatus.OPEN);
            open = ":scopeOpen";
        }
        // The queue: the one exception to "a rep sees their own", decided by the lead policy.
        return " and (" + own + " or (" + ownerColumn + " is null and l.status in " + open + " and l.score "
                + (senior ? ">=" : "<") + " :scopePriority))";
    }

    /**
     * For the global search: leads the caller may see whose contact matches ({@code contactMatch}, SQL on
     * {@code l.contact_id} from the contact feature) or whose product interest or notes contain {@code text};
     * open ones first, then by score. At most {@code limit} rows.
     */
    List<Lead> searchVisible(String contactMatch, Map<String, Object> matchParams, String text, int limit) {
        Map<String, Object> params = new HashMap<>(matchParams);
        params.put("leadText", text.toLowerCase(java.util.Locale.ROOT));
        String where = "(" + contactMatch + " OR strpos(lower(coalesce(l.product_interest, '') || ' ' || coalesce(l.notes, '')),"
                + " :leadText) > 0)" + scope(params, true);
        var select = em.createNativeQuery("SELECT l.* FROM lead l WHERE " + where + " ORDER BY l.status IN " + LeadStatus.OPEN_SQL
                + " DESC, l.score DESC, l.id LIMIT :limit", Lead.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Lead> found = select.setParameter("limit", limit).getResultList();
        return found;
    }

    /** Gives an unassigned open lead to this rep; 0 when someone else took it first. */
    @Unscoped("A rep claims from the queue after the lead was found visible")
    int claim(UUID leadId, UUID rep, String reason, java.time.Instant at) {
        return em.createNativeQuery("""
                UPDATE lead SET owner_id = :rep, assignment_kind = 'CLAIMED', assignment_reason = :reason,
                       assigned_by_rule = NULL, assigned_at = :at, updated_at = :at, version = version + 1
                WHERE id = :id AND owner_id IS NULL AND status IN %s""".formatted(LeadStatus.OPEN_SQL))
                .setParameter("rep", rep).setParameter("reason", reason).setParameter("at", at)
                .setParameter("id", leadId).executeUpdate();
    }

    /** How many open leads each of these users owns (absent: none), whoever may see them: assignment balances load. */
    @Unscoped("Assignment balances the load of a pool of reps")
    Map<UUID, Long> openLeadsOwnedBy(List<UUID> owners) {
        Map<UUID, Long> load = new HashMap<>();
        em.createQuery("select l.ownerId as owner_id, count(l) as n from Lead l where l.ownerId in :pool and l.status in :open"
                        + " group by l.ownerId", Tuple.class)
                .setParameter("pool", owners).setParameter("open", LeadStatus.OPEN).getResultStream()
                .forEach(row -> load.put(Rows.uuid(row, "owner_id"), Rows.longValue(row, "n")));
        return load;
    }

    /** Serialises lead capture on this key (a canonical mobile or email) until the transaction ends. */
    void lockCapture(String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))").setParameter("key", "capture:" + key)
                .getSingleResult();
    }
}
