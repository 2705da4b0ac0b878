package io.guanxi.crm.contact;

/**
 * What a bulk action did to one selected contact: CHANGED; UNCHANGED (it already was so); CONFLICT (its
 * version moved since the user saw it, so it was left alone); NOT_VISIBLE (no such contact, or one the
 * caller may not see: the same answer); REFUSED (a rule forbids it, see the reason); FAILED (its batch
 * failed and was rolled back as a whole).
 */
public enum ContactBulkOutcome {
    CHANGED, UNCHANGED, CONFLICT, NOT_VISIBLE, REFUSED, FAILED
}
