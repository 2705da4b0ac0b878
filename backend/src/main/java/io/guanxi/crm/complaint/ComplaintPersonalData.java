package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's complaints with their history: what they said and what was written back goes; category, severity, times and states stay for the statistics. */
@ApplicationScoped
public class ComplaintPersonalData implements PersonalData {

    @Inject
    ComplaintPersonalDataRepository rows;

    @Override
    public String section() {
        return "complaints";
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
