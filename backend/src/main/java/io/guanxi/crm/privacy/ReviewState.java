package io.guanxi.crm.privacy;

/** A retention review entry: listed (PENDING), then anonymised (APPROVED) or kept (KEPT), with who, when and why. */
public enum ReviewState {
    PENDING, APPROVED, KEPT
}
