package io.guanxi.crm.consent;

/** A customer's current state for one purpose, derived from the ledger (the latest entry wins) and the purpose's defaults. */
public enum ConsentStatus {
    /** The latest entry is a grant. */
    GRANTED,
    /** The latest entry is a withdrawal (or, for a purpose on another legal basis, an objection). */
    WITHDRAWN,
    /** No entry; the profile's marketing-consent tick counts for this purpose and is set. */
    GRANTED_ON_PROFILE,
    /** No entry; the purpose's legal basis is not consent, so it applies until the person objects. */
    NOT_REQUIRED,
    /** No entry; a consent-based purpose without it: not given. */
    NOT_GIVEN;

    /** Whether the purpose may be pursued for the customer. */
    public boolean allows() {
        return this == GRANTED || this == GRANTED_ON_PROFILE || this == NOT_REQUIRED;
    }
}
