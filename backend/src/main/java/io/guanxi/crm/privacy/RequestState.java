package io.guanxi.crm.privacy;

/** RECEIVED → VERIFIED (who asks is the person) → FULFILLED; REFUSED, with a reason, from either of the first two. */
public enum RequestState {
    RECEIVED, VERIFIED, FULFILLED, REFUSED
}
