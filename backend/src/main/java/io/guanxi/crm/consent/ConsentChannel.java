package io.guanxi.crm.consent;

/** How the person told us. */
public enum ConsentChannel {
    IN_PERSON, PHONE, WECHAT, SMS, EMAIL, WEB_FORM, PAPER, OTHER
}
