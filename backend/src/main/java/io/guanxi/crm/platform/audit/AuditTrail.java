package io.guanxi.crm.platform.audit;

import java.util.List;
import java.util.UUID;

/**
 * The append-only, hash-chained audit trail (issue 19 item 6): who did what to which record, when, from
 * which address, in which request. Called inside the acting transaction; the entry is written with it
 * (a rolled-back change leaves no entry).
 */
public interface AuditTrail {

    /**
     * @param entityType the kind of record ({@code "contact"}, {@code "privacy_request"}, an export's name)
     * @param entityId the record, or null for an action on many (an export)
     * @param contactId the customer it concerns, or null; a customer's access history is searched by it
     * @param changes field-level before → after for CREATE and UPDATE, otherwise empty
     */
    void record(AuditAction action, String entityType, UUID entityId, UUID contactId, List<FieldChange> changes);
}
