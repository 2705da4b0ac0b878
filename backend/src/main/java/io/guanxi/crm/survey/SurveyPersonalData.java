package io.guanxi.crm.survey;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's surveys: invitations (without their link token) and answers; comments are erased, scores stay in the NPS. */
@ApplicationScoped
public class SurveyPersonalData implements PersonalData {

    @Inject
    SurveyPersonalDataRepository rows;

    @Override
    public String section() {
        return "surveys";
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
