package io.guanxi.crm.privacy;

/** How the request reached us. */
public enum RequestChannel {
    PHONE, EMAIL, WECHAT, IN_PERSON, LETTER, OTHER
}
