package io.guanxi.crm.privacy;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every feature's {@link PersonalData}, collected through CDI: a feature that stores personal data joins the export and the
 * erasure by implementing the interface, without this feature knowing it. Sections in a fixed order, profile first.
 */
@ApplicationScoped
public class PersonalDataSections {

    /** The order a reader expects; sections not named here follow alphabetically. */
    private static final List<String> ORDER = List.of("profile", "consents", "interactions", "purchases", "pointsAccount",
            "pointsEntries", "redemptions", "leads", "complaints", "surveys", "activities", "merges", "privacyRequests", "accessLog");

    @Inject
    Instance<PersonalData> features;

    @Inject
    ContactService contacts;

    private List<PersonalData> sorted() {
        Comparator<PersonalData> byOrder = Comparator.comparingInt(p -> {
            int i = ORDER.indexOf(p.section());
            return i < 0 ? ORDER.size() : i;
        });
        return features.stream().sorted(byOrder.thenComparing(PersonalData::section)).toList();
    }

    /**
     * Every section's rows about the customer, in the caller's transaction: of each contact merged with it too (a merge
     * declared them one person, and moved most of their records to the survivor), the top survivor's rows first.
     */
    public Map<String, List<Map<String, Object>>> export(UUID contactId) {
        List<UUID> person = contacts.samePerson(contactId);
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (PersonalData feature : sorted()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            person.forEach(id -> rows.addAll(feature.export(id)));
            // A row about two of them (a merge names its survivor and the merged) is listed once.
            sections.put(feature.section(), rows.stream().distinct().toList());
        }
        return sections;
    }

    /**
     * Anonymises the customer in every feature, and every contact merged with it (its rows left behind by the merge: the
     * profile it had, its own requests), in the caller's transaction (one fails, none is done); the rows changed.
     */
    public int anonymise(UUID contactId) {
        List<UUID> person = contacts.samePerson(contactId);
        return sorted().stream().mapToInt(feature -> person.stream().mapToInt(feature::anonymise).sum()).sum();
    }

    /** The section names, in export order. */
    public List<String> sections() {
        return sorted().stream().map(PersonalData::section).toList();
    }
}
