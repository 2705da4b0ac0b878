package io.guanxi.crm.platform.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** TEMPORARY (issue 19 groundwork): lets features call {@link AuditTrail} until the trail itself is merged; removed then. */
@DefaultBean
@ApplicationScoped
class UnrecordedAuditTrail implements AuditTrail {

    @Override
    public void record(AuditAction action, String entityType, UUID entityId, UUID contactId, List<FieldChange> changes) {
        // recorded by the real trail once merged
    }
}
