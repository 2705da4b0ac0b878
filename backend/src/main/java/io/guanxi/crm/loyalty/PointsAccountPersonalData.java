package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's points account: balance, debt and write-offs, figures only (nothing to erase). */
@ApplicationScoped
public class PointsAccountPersonalData implements PersonalData {

    @Inject
    LoyaltyPersonalDataRepository rows;

    @Override
    public String section() {
        return "pointsAccount";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return rows.exportAccount(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return 0;
    }
}
