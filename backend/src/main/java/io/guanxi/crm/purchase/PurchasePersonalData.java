package io.guanxi.crm.purchase;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's purchases with their refunds: every amount and date stays, so revenue and tiers do not move. */
@ApplicationScoped
public class PurchasePersonalData implements PersonalData {

    @Inject
    PurchasePersonalDataRepository rows;

    @Override
    public String section() {
        return "purchases";
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
