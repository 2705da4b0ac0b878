package io.guanxi.crm.churnrisk;

/**
 * The signals of churn risk (docs/churn-risk.md), each a number in [0, 1] that the policy weighs. The
 * name is also the reason code the SPA translates (zh-CN and en) with the reason's params.
 */
public enum ChurnSignal {
    /** Days since the last interaction against the customer's own usual gap: params days, usualDays, usualDefault. */
    QUIET,
    /** Purchases of the last 90 days against the 365 days before: params recent, earlier. */
    PURCHASE_DROP,
    /** The worst open or recent (90 days) complaint by severity: params severity, open. */
    COMPLAINT,
    /** A detractor answer (0–6) to an NPS survey in the last 90 days: param score. */
    DETRACTOR,
    /** The membership level went down in the last 90 days: params from, to. */
    LEVEL_DOWN,
    /** Points about to expire unused, as a share of the balance: params points, balance, days. */
    EXPIRING_POINTS
}
