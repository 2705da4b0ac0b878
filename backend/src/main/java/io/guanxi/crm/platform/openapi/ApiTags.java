package io.guanxi.crm.platform.openapi;

/** OpenAPI tag names, one per feature. */
public final class ApiTags {
    public static final String AUTH = "Authentication";
    public static final String USERS = "Users";
    public static final String CONTACTS = "Contacts";
    public static final String INTERACTIONS = "Interactions";
    public static final String ACTIVITIES = "Activities";
    public static final String LEADS = "Leads";
    public static final String LEAD_SCORING = "Lead scoring";
    public static final String PURCHASES = "Purchases";
    public static final String TIERS = "Value tiers";
    public static final String JOBS = "Jobs";
    public static final String COMPLAINTS = "Complaints";
    public static final String LOYALTY = "Loyalty points";
    public static final String CARE = "Care";
    public static final String SURVEYS = "Surveys";
    public static final String PUBLIC_SURVEYS = "Public surveys";
    public static final String CHURN_RISK = "Churn risk";
    public static final String CAMPAIGNS = "Campaigns";
    public static final String CHURN = "Churn";
    public static final String SEARCH = "Search";
    public static final String VIEWS = "Saved views";
    public static final String WINBACK = "Win-back plans";
    public static final String ANALYTICS = "Analytics";
    public static final String AUDIT = "Audit trail";
    public static final String CONSENT = "Consent";
    public static final String PRIVACY_REQUESTS = "Rights requests and retention";
    public static final String MERGES = "Duplicates and merges";
    public static final String IMPORTS = "Imports";
    public static final String EXPORTS = "Exports";

    private ApiTags() {
    }
}
