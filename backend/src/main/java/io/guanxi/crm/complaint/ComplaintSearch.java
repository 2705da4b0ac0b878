package io.guanxi.crm.complaint;

import io.guanxi.crm.contact.ContactSearch;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Published for the global search: the complaints the caller may see (with their customer, as the complaint
 * list) whose customer matches the search text as the contact search does, or whose description contains it.
 */
@ApplicationScoped
public class ComplaintSearch {

    /** A complaint found: whose it is and what it says. */
    public record Hit(UUID id, UUID contactId, String contactName, String description, ComplaintState state, Severity severity) {
    }

    /** The first hits and whether more match. */
    public record Hits(List<Hit> first, boolean more) {
    }

    @Inject
    ComplaintRepository repository;

    @Inject
    ContactSearch contactSearch;

    @Inject
    ContactService contacts;

    @Inject
    Visibility visibility;

    @Transactional
    public Hits visibleMatching(String q, int limit) {
        ContactSearch.Filter byContact = contactSearch.contactsMatching("c.contact_id", q);
        Map<String, Object> params = new HashMap<>(byContact.params());
        List<String> where = new ArrayList<>(List.of(ComplaintRepository.visibleCustomers(visibility).into(params)));
        where.add("(" + byContact.sql() + " OR strpos(lower(c.description), :complaintText) > 0)");
        params.put("complaintText", q.trim().toLowerCase(Locale.ROOT));
        List<Complaint> found = repository.search(where, params, limit + 1);
        List<Complaint> first = found.stream().limit(limit).toList();
        Map<UUID, String> names = contacts.names(first.stream().map(c -> c.contactId).toList());
        return new Hits(first.stream().map(c -> new Hit(c.id, c.contactId, names.get(c.contactId), c.description, c.state, c.severity))
                .toList(), found.size() > limit);
    }
}
