package io.guanxi.crm.survey.api;

/** How a gateway delivered an invitation. */
public enum SendChannel {
    SMS,
    WECHAT,
    EMAIL,
    OTHER
}
