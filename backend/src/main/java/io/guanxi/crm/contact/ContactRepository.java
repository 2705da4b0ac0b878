package io.guanxi.crm.contact;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.BoundedPageResponse;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.visibility.Unscoped;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every read of contacts goes through here. The public finders are limited to what the caller may
 * see, as {@link Visibility} decides: another rep's contact is simply not found (404), in lists and
 * counts too. The finders that must look team-wide (duplicate detection, lead capture, integrations,
 * a feature's write after its own visibility check) are package-private: only this feature's service
 * reaches them, and an ArchUnit test (ArchitectureTest) keeps every other package away from this class.
 */
@ApplicationScoped
public class ContactRepository {

    /** API sort names → SQL; names sort by pinyin, as Chinese users expect. */
    public static final Map<String, String> SORTABLE = Map.of(
            "name", "c.name_pinyin",
            "company", "c.company",
            "createdAt", "c.created_at",
            "updatedAt", "c.updated_at",
            "lastContactedAt", "c.last_contacted_at",
            "completeness", "c.completeness");

    /** The list's order when none is asked for: newest first. */
    static final String LIST_DEFAULT_SORT = "createdAt,desc";
    private static final String EXPORT_CURSOR = "contact_export";

    /** A list query that runs longer is cancelled (503): a too-broad search must not hog the database. */
    static final int SEARCH_TIMEOUT_MS = 5_000;
    private static final String QUERY_TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    @Inject
    Visibility visibility;

    @Inject
    EntityManager em;

    @Inject
    CustomerValues customerValues;

    void persist(Contact contact) {
        em.persist(contact);
    }

    void flush() {
        em.flush();
    }

    /** The contact if it exists and the caller may see it. */
    public Optional<Contact> findVisible(UUID id) {
        Visibility.Predicate visible = visibility.contactJpql("c");
        return visible.bind(em.createQuery("from Contact c where c.id = :id and " + visible.text(), Contact.class))
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * For a write that attaches a record to a contact: empty when the caller may not see it; else a list of one
     * element, the survivor's id if the contact was merged into another and null if not. Reads no entity, so a later
     * lock of the contact ({@link #findForUpdateByFeature}) reads its current row.
     */
    List<UUID> mergedIntoOfVisible(UUID id) {
        Visibility.Predicate visible = visibility.contactJpql("c");
        return visible.bind(em.createQuery("select c.mergedIntoId from Contact c where c.id = :id and " + visible.text(), UUID.class))
                .setParameter("id", id).getResultList();
    }

    /** Contacts with this canonical mobile or email, whoever owns them (duplicates are team-wide). */
    @Unscoped("Duplicates are detected team-wide; the caller learns only the id and whether it may see it")
    List<DuplicateMatch> findDuplicates(String mobile, String email, UUID excludeId) {
        if (mobile == null && email == null) {
            return List.of();
        }
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT c.id AS id, c.owner_id AS owner_id, c.mobile = :mobile AS by_mobile, c.email = :email AS by_email
                FROM contact c
                WHERE (c.mobile = :mobile OR c.email = :email) AND c.archived_at IS NULL AND c.id <> :exclude
                ORDER BY c.created_at LIMIT 5""", Tuple.class)
                .setParameter("mobile", mobile == null ? "" : mobile)
                .setParameter("email", email == null ? "" : email)
                .setParameter("exclude", excludeId == null ? new UUID(0, 0) : excludeId));
        boolean seesAll = visibility.seesAllCustomers();
        return rows.stream().map(r -> new DuplicateMatch(Rows.uuid(r, "id"),
                Boolean.TRUE.equals(Rows.bool(r, "by_mobile")) ? "mobile" : "email",
                seesAll || visibility.contactVisible(Rows.uuid(r, "id")))).toList();
    }

    /**
     * The person behind a captured form (same canonical mobile or email), whoever owns them: lead
     * capture runs as an integrator, which has no scope of its own, and must not create a second
     * profile for a known customer. Returns id and owner only.
     */
    @Unscoped("Lead capture: the person behind a form, whoever owns them")
    Optional<CapturedPerson> findCapturedPerson(String mobile, String email) {
        return Rows.first(em.createNativeQuery("""
                SELECT c.id AS id, c.owner_id AS owner_id FROM contact c
                WHERE (c.mobile = :mobile OR c.email = :email) AND c.archived_at IS NULL
                ORDER BY c.mobile = :mobile DESC, c.created_at LIMIT 1""", Tuple.class)
                .setParameter("mobile", mobile == null ? "" : mobile)
                .setParameter("email", email == null ? "" : email))
                .map(r -> new CapturedPerson(Rows.uuid(r, "id"), Rows.uuid(r, "owner_id")));
    }

    /**
     * A contact by id regardless of the caller's scope, locked (SELECT … FOR UPDATE) until the
     * transaction ends, for a write whose caller has already been checked (a visible lead's
     * conversion, a sale an integrator may post): two such writes on one contact run one at a time.
     */
    @Unscoped("A write after the calling feature's own check")
    Optional<UUID> ownerOfActive(UUID id) {
        return em.createQuery("SELECT c.ownerId FROM Contact c WHERE c.id = :id AND c.archivedAt IS NULL", UUID.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    Optional<Contact> findForUpdateByFeature(UUID id) {
        return Optional.ofNullable(em.find(Contact.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whether a non-archived contact with this id exists, whoever owns it (integrations only). */
    @Unscoped("Integrations: any active customer")
    boolean existsActive(UUID id) {
        return !em.createNativeQuery("SELECT 1 FROM contact WHERE id = :id AND archived_at IS NULL")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** Hands a contact still held by the integrator that captured it to the rep who now works its lead. */
    @Unscoped("Captured contact follows its lead")
    int handOverCaptured(UUID contactId, UUID newOwner, Instant at) {
        return em.createNativeQuery("""
                UPDATE contact SET owner_id = :owner, version = version + 1, updated_at = :at
                WHERE id = :id AND owner_id IN (%s)""".formatted(UserReadModel.INTEGRATOR_IDS))
                .setParameter("owner", newOwner).setParameter("at", at).setParameter("id", contactId).executeUpdate();
    }

    /**
     * A page of visible contacts matching the query, and how many match, counted up to a bound
     * ({@link BoundedPageResponse}): an exact count reads every matching row, 112-132 ms for the unfiltered
     * list of a million contacts. Two statements, the bounded count and the page (the whole rows, so no third
     * one loads them), so each gets its own best plan (one window-count statement measured 20-50x slower,
     * docs/benchmarks.md).
     */
    public Page search(ContactQuery query, PageRequest paging) {
        return search(query, paging, BoundedPageResponse.COUNT_BOUND);
    }

    /** As {@link #search(ContactQuery, PageRequest)}, counting up to {@code bound} rows (tests use a small one). */
    Page search(ContactQuery query, PageRequest paging, int bound) {
        Map<String, Object> params = new HashMap<>();
        String where = whereClause(query, params);
        long limit = BoundedPageResponse.countLimit(paging, bound);
        BoundedPageResponse.Total total = BoundedPageResponse.total(countUpTo(where, params, limit + 1), limit);
        if (total.value() == 0 || paging.offset() >= total.value()) {
            return new Page(List.of(), total);
        }
        return new Page(page(where, params, paging.orderBySql(), paging.size(), paging.offset()), total);
    }

    /**
     * The first {@code limit} visible contacts matching the query in this order, without a count: the global
     * search asks for one more than it shows to learn whether there are more.
     */
    List<Contact> first(ContactQuery query, String orderBySql, int limit) {
        Map<String, Object> params = new HashMap<>();
        return page(whereClause(query, params), params, orderBySql, limit, 0);
    }

    /** One page of whole contacts in this order (id breaks ties), in one statement. */
    private List<Contact> page(String where, Map<String, Object> params, String orderBySql, int limit, int offset) {
        Query select = em.createNativeQuery("SELECT c.* FROM contact c WHERE " + where
                + " ORDER BY " + orderBySql + ", c.id LIMIT :limit OFFSET :offset", Contact.class);
        params.forEach(select::setParameter);
        select.setParameter("limit", limit).setParameter("offset", offset);
        select.setHint(QUERY_TIMEOUT_HINT, SEARCH_TIMEOUT_MS);
        @SuppressWarnings("unchecked")
        List<Contact> page = select.getResultList();
        return page;
    }

    /**
     * Ids of the contacts matching the list's query that the caller may see (the list's own WHERE clause, so
     * "all N matching" of a bulk action is what the list showed), in id order, at most {@code limit}.
     */
    List<UUID> matchingIds(ContactQuery query, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query select = em.createNativeQuery("SELECT c.id FROM contact c WHERE " + whereClause(query, params)
                + " ORDER BY c.id LIMIT :limit", UUID.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = select.setParameter("limit", limit).getResultList();
        return ids;
    }

    /**
     * Of these ids, the contacts the caller may see, locked (SELECT … FOR UPDATE) in id order until the
     * transaction ends: an edit of one of them waits, and two bulk actions on overlapping selections queue
     * instead of deadlocking.
     */
    List<Contact> lockVisible(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Visibility.Predicate visible = visibility.contactJpql("c");
        return visible.bind(em.createQuery("from Contact c where c.id in :ids and " + visible.text() + " order by c.id",
                        Contact.class))
                .setParameter("ids", java.util.Set.copyOf(ids)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * The contacts an export takes: the list's filters and visibility (bound now, in the caller's request,
     * so a background job needs no caller), narrowed to an explicit selection when ids are given, in the
     * list's order ({@code sort} checked and defaulted exactly as the list does, id as the tie-breaker).
     */
    public Selection selection(ContactQuery query, java.util.Set<UUID> ids, String sort) {
        String orderBy = PageRequest.of(0, 1, sort, SORTABLE, LIST_DEFAULT_SORT).orderBySql() + ", c.id";
        Map<String, Object> params = new HashMap<>();
        String where = whereClause(query, params);
        if (ids != null) {
            where += " AND c.id = ANY (CAST(:selectedIds AS uuid[]))";
            params.put("selectedIds", ids.toArray(UUID[]::new));
        }
        return new Selection(where, Map.copyOf(params), orderBy);
    }

    public long count(Selection selection) {
        return count(selection.where(), selection.params());
    }

    /**
     * Opens a server-side cursor over the selection's ids in its order, for {@link #fetchExportIds}: PostgreSQL
     * sorts once and hands out {@code limit} ids a call, so memory here stays flat whatever the order (keyset
     * pages over the primary key could only give id order; a JDBC fetch size held the whole result in the
     * driver). The cursor reads one snapshot and closes with the transaction at the latest.
     */
    void openExportCursor(Selection selection) {
        Query declare = em.createNativeQuery("DECLARE " + EXPORT_CURSOR + " NO SCROLL CURSOR FOR SELECT c.id FROM contact c WHERE "
                + selection.where() + " ORDER BY " + selection.orderBy());
        selection.params().forEach(declare::setParameter);
        declare.executeUpdate();
    }

    /** The next ids of the export cursor (empty when done). */
    @SuppressWarnings("unchecked")
    List<UUID> fetchExportIds(int limit) {
        return em.createNativeQuery("FETCH FORWARD " + limit + " FROM " + EXPORT_CURSOR, UUID.class).getResultList();
    }

    void closeExportCursor() {
        em.createNativeQuery("CLOSE " + EXPORT_CURSOR).executeUpdate();
    }

    /** The contacts of one batch of an export, in this order; {@link #detachAll()} after writing them. */
    List<Contact> loadForExport(List<UUID> ids) {
        // A list, not a stream: an unclosed result stream keeps its JDBC result open until the transaction
        // ends, and an export's transaction lasts for thousands of batches.
        Map<UUID, Contact> byId = em.createQuery("from Contact c where c.id in :ids", Contact.class)
                .setParameter("ids", ids).getResultList().stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** Forgets the loaded contacts, so an export's memory stays flat. */
    void detachAll() {
        em.clear();
    }

    /** How many rows match, counting at most {@code limit} (a bounded count stops reading there). */
    private long countUpTo(String where, Map<String, Object> params, long limit) {
        Query count = em.createNativeQuery(BoundedPageResponse.countUpToLimit("SELECT 1 FROM contact c WHERE " + where), Long.class);
        params.forEach(count::setParameter);
        count.setParameter("countLimit", limit);
        count.setHint(QUERY_TIMEOUT_HINT, SEARCH_TIMEOUT_MS);
        return SqlValues.longValue(count.getSingleResult());
    }

    private long count(String where, Map<String, Object> params) {
        Query count = em.createNativeQuery("SELECT count(*) FROM contact c WHERE " + where, Long.class);
        params.forEach(count::setParameter);
        count.setHint(QUERY_TIMEOUT_HINT, SEARCH_TIMEOUT_MS);
        return SqlValues.longValue(count.getSingleResult());
    }

    /** Names of these contacts, whoever owns them (see ContactService#namesOfVisibleLeads). */
    @Unscoped("Names for leads the caller may see")
    Map<UUID, String> namesOf(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c.id as id, c.name as name from Contact c where c.id in :ids", Tuple.class)
                .setParameter("ids", java.util.Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(r -> Rows.uuid(r, "id"), r -> Rows.string(r, "name")));
    }

    /** Names of those of these contacts the caller may see; the others are simply absent. */
    public Map<UUID, String> visibleNames(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Visibility.Predicate visible = visibility.contactJpql("c");
        return visible.bind(em.createQuery("select c.id as id, c.name as name from Contact c where c.id in :ids and " + visible.text(),
                        Tuple.class))
                .setParameter("ids", java.util.Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(r -> Rows.uuid(r, "id"), r -> Rows.string(r, "name")));
    }

    /**
     * Moves these customers (not archived, not churned already) to CHURNED and records the move; returns
     * the ones moved with the stage they left and their owner. The rows are locked first, so of two
     * concurrent callers the second finds them churned and moves none of them twice.
     */
    @Unscoped("The churn feature moves customers it found by its rule or that the caller may see")
    List<Tuple> moveToChurned(java.util.Collection<UUID> ids, String cause, UUID by, Instant at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Tuple> moved = Rows.list(em.createNativeQuery("""
                SELECT c.id AS id, c.lifecycle_stage AS from_stage, c.owner_id AS owner_id
                FROM contact c
                WHERE c.id = ANY (CAST(:ids AS uuid[])) AND c.archived_at IS NULL AND c.lifecycle_stage <> 'CHURNED'
                ORDER BY c.id
                FOR UPDATE""", Tuple.class)
                .setParameter("ids", ids.toArray(UUID[]::new)));
        if (moved.isEmpty()) {
            return moved;
        }
        UUID[] movedIds = moved.stream().map(r -> Rows.uuid(r, "id")).toArray(UUID[]::new);
        em.createNativeQuery("""
                UPDATE contact SET lifecycle_stage = 'CHURNED', updated_at = :at, version = version + 1
                WHERE id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("ids", movedIds).setParameter("at", at).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_by, changed_at)
                SELECT c.id, c.from_stage, 'CHURNED', :cause, :by, :at
                FROM unnest(CAST(:ids AS uuid[]), CAST(:froms AS text[])) AS c(id, from_stage)""")
                .setParameter("ids", movedIds)
                .setParameter("froms", moved.stream().map(r -> Rows.string(r, "from_stage")).toArray(String[]::new))
                .setParameter("cause", cause).setParameter("by", by).setParameter("at", at).executeUpdate();
        return moved;
    }

    @Unscoped("Stage history of a contact already checked")
    void recordStage(UUID contactId, LifecycleStage from, LifecycleStage to, String cause, UUID by, Instant at) {
        em.createNativeQuery("""
                INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_by, changed_at)
                VALUES (:contact, :from, :to, :cause, :by, :at)""")
                .setParameter("contact", contactId).setParameter("from", from == null ? null : from.name())
                .setParameter("to", to.name()).setParameter("cause", cause).setParameter("by", by)
                .setParameter("at", at).executeUpdate();
    }

    @Unscoped("Stage history of a contact already checked")
    List<StageChange> stageHistory(UUID contactId) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT from_stage AS from_stage, to_stage AS to_stage, cause AS cause, changed_by AS changed_by, changed_at AS changed_at
                FROM contact_stage_history
                WHERE contact_id = :id ORDER BY changed_at DESC, id DESC""", Tuple.class)
                .setParameter("id", contactId));
        return rows.stream().map(r -> new StageChange(Rows.enumValue(r, "from_stage", LifecycleStage.class),
                Rows.enumValue(r, "to_stage", LifecycleStage.class), Rows.string(r, "cause"), Rows.uuid(r, "changed_by"),
                Rows.instant(r, "changed_at"))).toList();
    }

    /** Moves lastContactedAt forward (never back) without touching the version: it is not an edit. */
    @Unscoped("Last contact time of a contact already checked")
    void touchLastContacted(UUID id, Instant at) {
        em.createNativeQuery("""
                UPDATE contact SET last_contacted_at = greatest(last_contacted_at, :at) WHERE id = :id""")
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    private String whereClause(ContactQuery query, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add(visibility.contactSql("c").into(params));
        clauses.add(query.archived() ? "c.archived_at IS NOT NULL AND c.merged_into_id IS NULL" : "c.archived_at IS NULL");
        if (query.ownerId() != null) {
            clauses.add("c.owner_id = :ownerId");
            params.put("ownerId", query.ownerId());
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            clauses.add("c.tags @> cast(:tags AS text[])");
            params.put("tags", query.tags().toArray(String[]::new));
        }
        if (query.lifecycleStage() != null) {
            clauses.add("c.lifecycle_stage = :stage");
            params.put("stage", query.lifecycleStage().name());
        }
        if (query.region() != null) {
            clauses.add("c.region = :region");
            params.put("region", query.region().name());
        }
        if (query.abcTier() != null || query.membershipLevel() != null) {
            CustomerValues.Filter byValue = customerValues.contactsWith("c.id", query.abcTier(), query.membershipLevel());
            clauses.add(byValue.sql());
            params.putAll(byValue.params());
        }
        if (query.industry() != null && !query.industry().isBlank()) {
            clauses.add("c.industry = :industry");
            params.put("industry", query.industry().trim());
        }
        if (query.q() != null && !query.q().isBlank()) {
            clauses.add(searchClause("c", query.q().trim(), params));
        }
        return String.join(" AND ", clauses);
    }

    /**
     * Any substring of name or company (bigram GIN index, then an exact recheck), a prefix of the
     * name's pinyin or initials (B-tree ranges), part of the mobile number or email (trigram GIN,
     * three characters or more). Each branch is served by an index; PostgreSQL ORs the bitmaps.
     */
    static String searchClause(String c, String q, Map<String, Object> params) {
        String lower = q.toLowerCase(Locale.ROOT);
        List<String> branches = new ArrayList<>();
        String letters = lower.replaceAll("[\\s']", "");
        if (letters.matches("[a-z]+")) {
            branches.add("(" + c + ".name_pinyin >= :py AND " + c + ".name_pinyin < :pyEnd)");
            branches.add("(" + c + ".name_initials >= :py AND " + c + ".name_initials < :pyEnd)");
            params.put("py", letters);
            params.put("pyEnd", prefixUpperBound(letters));
        }
        PhoneNumbers.searchDigits(lower).filter(d -> d.length() >= 3).ifPresent(digits -> {
            branches.add(c + ".mobile LIKE :mobileLike");
            params.put("mobileLike", "%" + digits + "%");
        });
        if (lower.length() >= 3 && lower.chars().allMatch(ch -> ch < 128)) {
            branches.add(c + ".email LIKE :emailLike");
            params.put("emailLike", "%" + escapeLike(lower) + "%");
        }
        // Last, and the cheap exact test first: PostgreSQL rechecks the whole OR on every candidate
        // row, and computing the grams of a row costs far more than the other tests.
        String doc = "gx_contact_doc(" + c + ".name, " + c + ".company)";
        branches.add("(strpos(" + doc + ", :q) > 0 AND gx_grams(" + doc + ") @> gx_query_grams(:q))");
        params.put("q", lower);
        return "(" + String.join(" OR ", branches) + ")";
    }

    /**
     * Native SQL that is true where {@code contactIdColumn} names a contact matching {@code q} as the
     * contact list's search does (archived ones included: their leads and complaints stay findable),
     * whoever owns it: the caller ANDs its own visibility (see {@link ContactSearch#contactsMatching}).
     */
    @Unscoped("A filter another feature ANDs with its own visibility")
    static String matchingContactsSql(String contactIdColumn, String q, Map<String, Object> params) {
        return contactIdColumn + " IN (SELECT sc.id FROM contact sc WHERE " + searchClause("sc", q.trim(), params) + ")";
    }

    /** The smallest string greater than every string with this ASCII prefix (C collation). */
    static String prefixUpperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public record Page(List<Contact> items, BoundedPageResponse.Total total) {
    }

    /** An export's WHERE clause with its bound parameters, and its ORDER BY (whitelisted sort names only). */
    public record Selection(String where, Map<String, Object> params, String orderBy) {
    }

    public record DuplicateMatch(UUID id, String matchedOn, boolean visibleToCaller) {
    }
}
