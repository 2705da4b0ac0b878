package io.guanxi.crm.platform.audit;

import java.util.List;
import java.util.UUID;

/**
 * The append-only, hash-chained audit trail (issue 19 item 6): who did what to which record, when, from
 * which address, in which request. A change is recorded inside the acting transaction and written with it (a
 * rolled-back change leaves no entry); a look is recorded on its own ({@link #recordAccess}).
 */
public interface AuditTrail {

    /**
     * @param entityType the kind of record ({@code "contact"}, {@code "privacy_request"}, an export's name)
     * @param entityId the record, or null for an action on many (an export)
     * @param contactId the customer it concerns, or null; a customer's access history is searched by it
     * @param changes field-level before → after for CREATE and UPDATE, otherwise empty
     */
    void record(AuditAction action, String entityType, UUID entityId, UUID contactId, List<FieldChange> changes);

    /**
     * A look at a record that changes nothing (a profile opened, a reach revealed): committed on its own, grouped with
     * the other looks of the moment, before this returns — whatever the caller's transaction does after — so a read
     * needs no write of its own and reads do not queue one by one for the chain. Throws if it could not be recorded:
     * the caller then fails instead of showing what it read.
     */
    void recordAccess(AuditAction action, String entityType, UUID entityId, UUID contactId);
}
