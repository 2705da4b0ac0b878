package io.guanxi.crm.lead;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The leads about a customer with their score history: scores, budgets and states stay, notes go. */
@ApplicationScoped
public class LeadPersonalData implements PersonalData {

    @Inject
    LeadPersonalDataRepository rows;

    @Override
    public String section() {
        return "leads";
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
