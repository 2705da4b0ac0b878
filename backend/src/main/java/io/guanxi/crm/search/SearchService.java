package io.guanxi.crm.search;

import io.guanxi.crm.complaint.ComplaintSearch;
import io.guanxi.crm.contact.ContactSearch;
import io.guanxi.crm.lead.LeadSearch;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.search.api.SearchGroup;
import io.guanxi.crm.search.api.SearchHit;
import io.guanxi.crm.search.api.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The global search (Ctrl/⌘+K): contacts, leads and complaints in one answer, each found by the feature
 * that owns it and limited by that feature's visibility rule; owns no table.
 */
@ApplicationScoped
public class SearchService {

    public static final int MAX_QUERY = 100;
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 20;
    private static final int SUBTITLE = 80;

    @Inject
    ContactSearch contacts;

    @Inject
    LeadSearch leads;

    @Inject
    ComplaintSearch complaints;

    @Inject
    CurrentUser currentUser;

    @Transactional
    public SearchResponse search(String q, Integer limit) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw ProblemException.invalidField("q", "must be 1 to " + MAX_QUERY + " characters, not only spaces");
        }
        int first = limit == null ? DEFAULT_LIMIT : limit;
        if (first < 1 || first > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String text = q.trim();
        return new SearchResponse(contacts(text, first), worksLeads() ? leads(text, first) : SearchGroup.EMPTY,
                complaints(text, first));
    }

    /** The lead list's roles (service agents do not work leads). */
    private boolean worksLeads() {
        return currentUser.has(Role.SALES_REP) || currentUser.isManagerOrAdmin();
    }

    private SearchGroup contacts(String q, int limit) {
        ContactSearch.Hits hits = contacts.visibleMatching(q, limit);
        return new SearchGroup(hits.first().stream().map(c -> new SearchHit(c.id(), c.name(), joined(c.company(), c.mobile())))
                .toList(), hits.more());
    }

    private SearchGroup leads(String q, int limit) {
        LeadSearch.Hits hits = leads.visibleMatching(q, limit);
        return new SearchGroup(hits.first().stream().map(l -> new SearchHit(l.id(), l.contactName(), l.productInterest()))
                .toList(), hits.more());
    }

    private SearchGroup complaints(String q, int limit) {
        ComplaintSearch.Hits hits = complaints.visibleMatching(q, limit);
        return new SearchGroup(hits.first().stream().map(c -> new SearchHit(c.id(), c.contactName(), shortened(c.description())))
                .toList(), hits.more());
    }

    private static String joined(String... parts) {
        String line = Stream.of(parts).filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.joining(" · "));
        return line.isEmpty() ? null : line;
    }

    private static String shortened(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= SUBTITLE ? oneLine : oneLine.substring(0, SUBTITLE - 1) + "…";
    }
}
