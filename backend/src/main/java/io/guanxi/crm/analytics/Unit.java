package io.guanxi.crm.analytics;

/** What a number is, so the web app formats it (and an export labels it) without guessing. */
public enum Unit {
    /** A whole count (customers, leads, complaints). */
    COUNT,
    /** CNY. */
    MONEY,
    /** A ratio 0–1 (the web app shows it as a percentage). */
    RATIO,
    /** A duration in hours. */
    HOURS,
    /** A duration in days. */
    DAYS,
    /** A score (NPS −100…100, satisfaction 1–5, an average). */
    SCORE,
    /** Loyalty points. */
    POINTS
}
