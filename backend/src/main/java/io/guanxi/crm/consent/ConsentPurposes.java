package io.guanxi.crm.consent;

/** The codes of the purposes the application itself checks (seeded by V36; codes never change). */
public final class ConsentPurposes {

    /** Care greetings and marketing or mixed campaigns. */
    public static final String MARKETING = "MARKETING";
    /** Satisfaction and NPS survey invitations. */
    public static final String SURVEY = "SURVEY";
    /** Lead scoring and churn-risk scoring (PIPL Art. 24: the person may object). */
    public static final String PROFILING = "PROFILING";
    /** Providing personal information to a partner (Art. 23); nothing in the application shares yet. */
    public static final String PARTNER_SHARING = "PARTNER_SHARING";

    private ConsentPurposes() {
    }
}
