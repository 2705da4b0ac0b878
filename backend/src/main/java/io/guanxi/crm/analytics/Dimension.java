package io.guanxi.crm.analytics;

/**
 * What the rows of a table are: the web app (and an export, {@link AnalyticsLabels}) names a row key by
 * the text under {@link #texts()} of the web app's locale files, or shows the label the server gives
 * (REP: the user's name) or the key itself (MONTH: yyyy-MM; BUCKET: a range the key spells out).
 */
public enum Dimension {
    STEP("analytics.step"),
    STAGE("enum.LifecycleStage"),
    SOURCE("enum.SourceChannel"),
    REGION("enum.Region"),
    REP(null),
    LOST_REASON("leads.lostReason"),
    TIER("analytics.tier"),
    ABCD_TIER("analytics.abcd"),
    LEVEL("tiers.level"),
    MONTH(null),
    BUCKET(null),
    CATEGORY("complaints.category"),
    SEVERITY("complaints.severity"),
    CAUSE("churn.cause"),
    CAUSE_KIND("analytics.causeKind"),
    NPS_GROUP("analytics.npsGroup"),
    RISK_LEVEL("churnRisk.level"),
    CHANNEL("enum.InteractionChannel"),
    PLAN_OUTCOME("analytics.planOutcome");

    private final String texts;

    Dimension(String texts) {
        this.texts = texts;
    }

    /** Where the names of this dimension's keys are in the web app's texts; null when the key is shown as it is or labelled. */
    public String texts() {
        return texts;
    }
}
