package io.guanxi.crm.activity;

/**
 * The rule that made an activity, when no person did. The SPA translates the code with the
 * activity's {@code originParams} (e.g. {@code days}, {@code missed}); the server sends no sentence.
 */
public enum ActivityRule {
    /** An open lead's customer had no interaction for the policy's care period (001 §4.2). */
    LEAD_NO_INTERACTION(ActivityKind.FOLLOW_UP),
    /** The 24-hour call-back after a complaint is resolved. */
    COMPLAINT_FOLLOW_UP(ActivityKind.COMPLAINT_FOLLOW_UP),
    /** A complaint missed an SLA deadline ({@code missed}: ACKNOWLEDGE, RESOLVE or FOLLOW_UP); for a manager. */
    COMPLAINT_ESCALATED(ActivityKind.ESCALATION),
    /** A complaint's resolution falls due soon; for its agent. */
    COMPLAINT_SLA_WARNING(ActivityKind.COMPLAINT_FOLLOW_UP),
    /** A complaint was closed: its customer's sales owner asks, {@code days} later, whether all is well (001 §3.2). */
    SERVICE_HANDOFF(ActivityKind.FOLLOW_UP),
    /** A customer's occasion (birthday, anniversary, holiday): a personal call from the owner ({@code occasion}, {@code date}). */
    CARE_CALL(ActivityKind.CALL),
    /** A customer's occasion: a greeting message, with the text in {@code messageZh} / {@code messageEn}. */
    CARE_GREETING(ActivityKind.CARE),
    /** A care campaign reaches this customer through the owner ({@code campaignId}, {@code campaign}: its name). */
    CAMPAIGN(ActivityKind.CARE),
    /** A PDCA win-back plan's action for a churned or at-risk customer ({@code planId}, {@code plan}: its name). */
    WINBACK(ActivityKind.CALL),
    /** A customer answered a survey as a detractor ({@code score}); the owner calls back within the day. */
    SURVEY_DETRACTOR(ActivityKind.FOLLOW_UP),
    /** A customer churned last month without a known cause: the owner finds out why ({@code month}: yyyy-MM). */
    CHURN_INVESTIGATION(ActivityKind.FOLLOW_UP);

    private final ActivityKind kind;

    ActivityRule(ActivityKind kind) {
        this.kind = kind;
    }

    public ActivityKind kind() {
        return kind;
    }

    /** Escalations, SLA warnings and unhappy survey answers come first on anyone's list. */
    public ActivityPriority priority() {
        return this == COMPLAINT_ESCALATED || this == COMPLAINT_SLA_WARNING || this == SURVEY_DETRACTOR ? ActivityPriority.HIGH : ActivityPriority.NORMAL;
    }
}
