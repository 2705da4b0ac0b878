package io.guanxi.crm.contact;

import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.privacy.Masks;
import io.guanxi.crm.platform.visibility.Unscoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published for the global search: the caller's contacts matching a search text exactly as the contact
 * list's {@code q} does (name or company substring, pinyin or initials prefix, mobile digits, email), and
 * the same match as an SQL filter for the features whose rows hang off a contact (leads, complaints).
 */
@ApplicationScoped
public class ContactSearch {

    /** A contact found: enough to show and open it (the mobile masked, as in every list). */
    public record Hit(UUID id, String name, String company, String mobile) {
    }

    /** The first hits and whether more match. */
    public record Hits(List<Hit> first, boolean more) {
    }

    /** Native SQL that is true for the rows whose contact id (the column named) matches, with its parameters. */
    public record Filter(String sql, Map<String, Object> params) {
    }

    @Inject
    ContactRepository contacts;

    /** Active contacts the caller may see that match {@code q}, most recently contacted first. */
    @Transactional
    public Hits visibleMatching(String q, int limit) {
        ContactQuery query = new ContactQuery(q, null, null, null, null, null, false, null, null);
        PageRequest paging = PageRequest.of(0, limit, "lastContactedAt,desc", ContactRepository.SORTABLE, "lastContactedAt,desc");
        // One more than shown says whether more match: no count.
        List<Contact> found = contacts.first(query, paging.orderBySql(), limit + 1);
        return new Hits(found.stream().limit(limit).map(c -> new Hit(c.id, c.name, c.company, Masks.mobile(c.mobile))).toList(),
                found.size() > limit);
    }

    /**
     * A filter on {@code contactIdColumn} (e.g. {@code l.contact_id}) for the contacts matching {@code q},
     * whoever owns them: a lead in a rep's queue is about a contact the rep does not own. The calling
     * feature ANDs its own visibility rule into the same query; the filter alone returns nothing.
     */
    @Unscoped(value = "A match filter the caller ANDs with its own visibility", callers = {"lead", "complaint"})
    public Filter contactsMatching(String contactIdColumn, String q) {
        Map<String, Object> params = new HashMap<>();
        String sql = ContactRepository.matchingContactsSql(contactIdColumn, q, params);
        return new Filter(sql, params);
    }
}
