package io.guanxi.crm.complaint;

/** What a complaint is about, and the cause attributed at step 2. */
public enum ComplaintCategory {
    LOGISTICS, PRODUCT_QUALITY, SERVICE_ATTITUDE, BILLING, OTHER
}
