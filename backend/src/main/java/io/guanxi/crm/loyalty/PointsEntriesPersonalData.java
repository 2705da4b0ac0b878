package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's points ledger, oldest first; append-only and kept whole on anonymisation so the balance still adds up. */
@ApplicationScoped
public class PointsEntriesPersonalData implements PersonalData {

    @Inject
    LoyaltyPersonalDataRepository rows;

    @Override
    public String section() {
        return "pointsEntries";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return rows.exportEntries(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return 0;
    }
}
