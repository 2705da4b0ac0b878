package io.guanxi.crm.platform.audit;

import io.guanxi.crm.platform.audit.api.AuditEntryResponse;
import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The audit trail's part of a customer's export: who accessed or changed them, when, and which fields.
 * Erasure leaves the trail alone: it holds only masked personal values, and rewriting it would break the
 * chain that proves it was not altered.
 */
@ApplicationScoped
public class AccessLog implements PersonalData {

    @Inject
    AuditLog log;

    @Override
    public String section() {
        return "accessLog";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        return log.ofContact(contactId).stream().map(AccessLog::row).toList();
    }

    @Override
    public int anonymise(UUID contactId) {
        return 0;
    }

    private static Map<String, Object> row(AuditEntryResponse entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", entry.at());
        row.put("user", entry.username());
        row.put("action", entry.action().name());
        row.put("record", entry.entityType());
        row.put("fieldsChanged", entry.changes().stream().map(FieldChange::field).collect(Collectors.joining(", ")));
        return row;
    }
}
