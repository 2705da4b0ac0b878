package io.guanxi.crm.contact;

/** How a customer prefers to be reached. */
public enum ContactChannel {
    PHONE, SMS, EMAIL, WECHAT, VISIT
}
