package io.guanxi.crm.interaction;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The interactions with a customer: channel, direction and time stay (they are counted), what was said goes. */
@ApplicationScoped
public class InteractionPersonalData implements PersonalData {

    @Inject
    InteractionPersonalDataRepository rows;

    @Override
    public String section() {
        return "interactions";
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
