package io.guanxi.crm.tier;

/** Membership levels, lowest first (the order is the ranking). */
public enum MembershipLevel {
    SILVER, GOLD, PLATINUM
}
