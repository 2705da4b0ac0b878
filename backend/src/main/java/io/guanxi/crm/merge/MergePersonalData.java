package io.guanxi.crm.merge;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The merges a customer took part in: who, when and what moved stay; the survivor's field values recorded before and after
 * (names, numbers, tags — what an undo would write back) go. An erased customer's merge cannot be undone anyway.
 */
@ApplicationScoped
public class MergePersonalData implements PersonalData {

    @Inject
    MergeRepository merges;

    @Override
    public String section() {
        return "merges";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return merges.exportOf(contactId);
    }

    @Override
    public int anonymise(UUID contactId) {
        return merges.eraseValuesOf(contactId);
    }
}
