package io.guanxi.crm.activity;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What was planned and done about a customer: kinds, times and who stay, the words go. */
@ApplicationScoped
public class ActivityPersonalData implements PersonalData {

    @Inject
    ActivityPersonalDataRepository rows;

    @Override
    public String section() {
        return "activities";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return rows.export(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return rows.anonymise(contactId);
    }
}
