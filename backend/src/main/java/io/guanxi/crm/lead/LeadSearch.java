package io.guanxi.crm.lead;

import io.guanxi.crm.contact.ContactSearch;
import io.guanxi.crm.contact.ContactService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published for the global search: the leads the caller may see (the lead list's rule: own leads, a rep's
 * queue by the lead policy, all for managers) whose contact matches the search text as the contact search
 * does, or whose product interest or notes contain it.
 */
@ApplicationScoped
public class LeadSearch {

    /** A lead found: who it is about and what they want. */
    public record Hit(UUID id, UUID contactId, String contactName, String productInterest, LeadStatus status) {
    }

    /** The first hits and whether more match. */
    public record Hits(List<Hit> first, boolean more) {
    }

    @Inject
    LeadRepository leads;

    @Inject
    ContactSearch contactSearch;

    @Inject
    ContactService contacts;

    @Transactional
    public Hits visibleMatching(String q, int limit) {
        ContactSearch.Filter byContact = contactSearch.contactsMatching("l.contact_id", q);
        List<Lead> found = leads.searchVisible(byContact.sql(), byContact.params(), q.trim(), limit + 1);
        List<Lead> first = found.stream().limit(limit).toList();
        // The lead's visibility grants its contact's name (a queue lead's contact is still the integrator's).
        Map<UUID, String> names = contacts.namesOfVisibleLeads(first.stream().map(l -> l.contactId).toList());
        return new Hits(first.stream().map(l -> new Hit(l.id, l.contactId, names.get(l.contactId), l.productInterest, l.status))
                .toList(), found.size() > limit);
    }
}
