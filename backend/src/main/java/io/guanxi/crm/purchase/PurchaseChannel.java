package io.guanxi.crm.purchase;

/** Where a sale was made. */
public enum PurchaseChannel {
    STORE, ONLINE, PHONE, WECHAT, EVENT, OTHER
}
