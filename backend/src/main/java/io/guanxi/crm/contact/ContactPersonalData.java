package io.guanxi.crm.contact;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The customer profile: every field, tags, hidden needs and the lifecycle history. */
@ApplicationScoped
public class ContactPersonalData implements PersonalData {

    @Inject
    ContactPersonalDataRepository rows;

    @Inject
    Clock clock;

    @Override
    public String section() {
        return "profile";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return rows.export(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return rows.anonymise(contactId, clock.instant());
    }
}
