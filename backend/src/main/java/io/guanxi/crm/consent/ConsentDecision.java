package io.guanxi.crm.consent;

/** What a ledger entry records: the person agreed, or withdrew (for a purpose on another basis: objected). */
public enum ConsentDecision {
    GRANTED, WITHDRAWN
}
