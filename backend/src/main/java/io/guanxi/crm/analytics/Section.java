package io.guanxi.crm.analytics;

/** The parts of the analytics dashboard, one endpoint each (docs/analytics.md). */
public enum Section {
    /** Leads → contacted → qualified → converted → repeat customer, by source, region and rep; lost reasons. */
    FUNNEL,
    /** Customers per lifecycle stage and how they moved over the period. */
    LIFECYCLE,
    /** ABC / ABCD tiers with revenue shares, membership levels, CLV, revenue by month, repeat purchases. */
    VALUE,
    /** Each rep's follow-up efficiency ("Top销售跟进效率"). */
    REPS,
    /** Complaints: volume, SLA compliance, time to resolve, satisfaction after follow-up. */
    SERVICE,
    /** Churn rate and causes, win-back, NPS, customers at risk. */
    RETENTION,
    /** Points issued, redeemed, expired, the liability and its value. */
    LOYALTY
}
