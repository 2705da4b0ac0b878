package io.guanxi.crm.privacy;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The customer's own rights requests: what they asked and how it was handled; their words and access copies are erased. */
@ApplicationScoped
public class PrivacyRequestPersonalData implements PersonalData {

    @Inject
    PrivacyRequestRepository requests;

    @Override
    public String section() {
        return "privacyRequests";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return requests.exportOf(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return requests.anonymiseOf(contactId);
    }
}
