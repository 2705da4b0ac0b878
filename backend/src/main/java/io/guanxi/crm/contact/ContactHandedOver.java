package io.guanxi.crm.contact;

import java.util.UUID;

/**
 * A customer changed hands (a manager reassigned the contact, or the leads about it): fired in that
 * transaction, so the features that hang work off a customer carry it along at once — its open leads
 * and open activities go with it, never orphaned with the previous owner.
 */
public record ContactHandedOver(UUID contactId, UUID fromOwner, UUID toOwner, UUID actorId, String actorName, String note) {
}
