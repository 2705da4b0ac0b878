package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's redemptions: points and rewards stay, cancellation reasons go. */
@ApplicationScoped
public class RedemptionsPersonalData implements PersonalData {

    @Inject
    LoyaltyPersonalDataRepository rows;

    @Override
    public String section() {
        return "redemptions";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return rows.exportRedemptions(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return rows.anonymiseRedemptions(contactId);
    }
}
