package io.guanxi.crm.privacy;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.privacy.PersonalRows;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rights requests, their access copies, and the customers they are about (names and whether anonymised). */
@ApplicationScoped
public class PrivacyRequestRepository implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    static final Map<String, String> SORTABLE = Map.of("receivedAt", "r.received_at", "dueOn", "r.due_on", "updatedAt", "r.updated_at");

    /** A customer as a request or a review shows them. */
    record Person(String name, boolean anonymised) {
    }

    PrivacyRequest findForTransition(UUID id) {
        // A row lock inside one transition: If-Match decides who wins, the lock makes check-and-move one step.
        return getEntityManager().find(PrivacyRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of requests matching the filters (null: any), and how many match. */
    List<PrivacyRequest> page(RequestState state, RequestKind kind, UUID contactId, UUID registeredBy, PageRequest paging) {
        Query select = filtered("SELECT r.id FROM privacy_request r WHERE ", state, kind, contactId, registeredBy,
                " ORDER BY " + paging.orderBySql() + ", r.id LIMIT :limit OFFSET :offset", UUID.class)
                .setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        @SuppressWarnings("unchecked")
        List<UUID> ids = select.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, PrivacyRequest> byId = getEntityManager().createQuery("from PrivacyRequest r where r.id in :ids", PrivacyRequest.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(r -> r.id, r -> r));
        return ids.stream().map(byId::get).toList();
    }

    long count(RequestState state, RequestKind kind, UUID contactId, UUID registeredBy) {
        return SqlValues.longValue(filtered("SELECT count(*) FROM privacy_request r WHERE ", state, kind, contactId, registeredBy, "",
                Long.class).getSingleResult());
    }

    private Query filtered(String head, RequestState state, RequestKind kind, UUID contactId, UUID registeredBy, String tail,
            Class<?> type) {
        String where = "(CAST(:state AS text) IS NULL OR r.state = CAST(:state AS text))"
                + " AND (CAST(:kind AS text) IS NULL OR r.kind = CAST(:kind AS text))"
                + " AND (CAST(:contact AS uuid) IS NULL OR r.contact_id = CAST(:contact AS uuid))"
                + " AND (CAST(:registeredBy AS uuid) IS NULL OR r.registered_by = CAST(:registeredBy AS uuid))";
        return getEntityManager().createNativeQuery(head + where + tail, type)
                .setParameter("state", state == null ? null : state.name())
                .setParameter("kind", kind == null ? null : kind.name())
                .setParameter("contact", contactId)
                .setParameter("registeredBy", registeredBy);
    }

    /** Name and anonymised flag of these customers, whoever owns them (privacy is an admin's and registrar's view of every customer). */
    Map<UUID, Person> persons(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = Rows.list(getEntityManager().createNativeQuery("SELECT p.id AS id, p.name AS name, p.anonymised_at IS NOT NULL AS anonymised FROM "
                + ContactReadModel.PERSONS + " p WHERE p.id = ANY (CAST(:ids AS uuid[]))", Tuple.class)
                .setParameter("ids", Set.copyOf(ids).toArray(UUID[]::new)));
        return rows.stream().collect(Collectors.toMap(r -> Rows.uuid(r, "id"),
                r -> new Person(Rows.string(r, "name"), Boolean.TRUE.equals(Rows.bool(r, "anonymised")))));
    }

    /** Stores an ACCESS request's copy as handed over; not an edit (the version stays). */
    void saveAccessCopy(UUID id, String json) {
        getEntityManager().createNativeQuery("UPDATE privacy_request SET access_copy = CAST(:copy AS jsonb) WHERE id = :id")
                .setParameter("copy", json).setParameter("id", id).executeUpdate();
    }

    Optional<String> accessCopy(UUID id) {
        return Rows.first(getEntityManager().createNativeQuery("""
                SELECT CAST(r.access_copy AS text) AS copy FROM privacy_request r WHERE r.id = :id AND r.access_copy IS NOT NULL""", Tuple.class)
                .setParameter("id", id)).map(r -> Rows.string(r, "copy"));
    }

    /** Which of these requests have an access copy. */
    Set<UUID> withAccessCopy(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Tuple> rows = Rows.list(getEntityManager().createNativeQuery("""
                SELECT r.id AS id FROM privacy_request r WHERE r.id = ANY (CAST(:ids AS uuid[])) AND r.access_copy IS NOT NULL""", Tuple.class)
                .setParameter("ids", Set.copyOf(ids).toArray(UUID[]::new)));
        return rows.stream().map(r -> Rows.uuid(r, "id")).collect(Collectors.toSet());
    }

    /** The customer's own requests, for their export: what they asked and how it went (not the copies themselves). */
    List<Map<String, Object>> exportOf(UUID contactId) {
        return PersonalRows.of(Rows.list(getEntityManager().createNativeQuery("""
                SELECT CAST(to_jsonb(r) - 'access_copy' AS text) AS row FROM privacy_request r
                WHERE r.contact_id = :contact ORDER BY r.received_at, r.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    /** Erases what the customer said and every access copy made for them; states, dates and who handled them stay. */
    int anonymiseOf(UUID contactId) {
        return getEntityManager().createNativeQuery("""
                UPDATE privacy_request SET details = NULL, access_copy = NULL
                WHERE contact_id = :contact AND (details IS NOT NULL OR access_copy IS NOT NULL)""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
