package io.guanxi.crm.complaint;

/** Where a complaint came in (SPEC §7). */
public enum ComplaintChannel {
    HOTLINE, ONLINE, SOCIAL_MEDIA, EMAIL, IN_PERSON, WECHAT
}
