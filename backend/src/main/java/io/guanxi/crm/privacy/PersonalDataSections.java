package io.guanxi.crm.privacy;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
            "pointsEntries", "redemptions", "leads", "complaints", "surveys", "activities", "privacyRequests", "accessLog");

    @Inject
    Instance<PersonalData> features;

    private List<PersonalData> sorted() {
        Comparator<PersonalData> byOrder = Comparator.comparingInt(p -> {
            int i = ORDER.indexOf(p.section());
            return i < 0 ? ORDER.size() : i;
        });
        return features.stream().sorted(byOrder.thenComparing(PersonalData::section)).toList();
    }

    /** Every section's rows about the customer, in the caller's transaction. */
    public Map<String, List<Map<String, Object>>> export(UUID contactId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sorted().forEach(p -> sections.put(p.section(), p.export(contactId)));
        return sections;
    }

    /** Anonymises the customer in every feature, in the caller's transaction (one fails, none is done); the rows changed. */
    public int anonymise(UUID contactId) {
        return sorted().stream().mapToInt(p -> p.anonymise(contactId)).sum();
    }

    /** The section names, in export order. */
    public List<String> sections() {
        return sorted().stream().map(PersonalData::section).toList();
    }
}
