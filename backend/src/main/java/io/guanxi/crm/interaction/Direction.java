package io.guanxi.crm.interaction;

/** Who reached out: the customer (INBOUND) or the team (OUTBOUND). */
public enum Direction {
    INBOUND, OUTBOUND
}
