package io.guanxi.crm.interaction;

/** How an interaction happened (SPEC §2). */
public enum InteractionChannel {
    PHONE, SMS, EMAIL, WECHAT, VISIT, MEETING, EVENT
}
