package io.guanxi.crm.lead;

/**
 * What the lead feature publishes on purpose for other features' set-based SQL (analytics: the funnel,
 * a rep's follow-up speed). Another feature selects from this derived table, never from {@code lead}
 * directly; the columns below are the contract.
 */
public final class LeadReadModel {

    private LeadReadModel() {
    }

    /**
     * A derived table, one row per lead: {@code id} (uuid), {@code contact_id} (uuid), {@code owner_id}
     * (uuid or null: in a queue), {@code source_channel} (a {@code SourceChannel} name), {@code region} (a
     * {@code Region} name or null), {@code status} (a {@code LeadStatus} name), {@code lost_reason_code}
     * (a {@code LostReason} name while LOST), {@code created_at}, and the first time it reached each step:
     * {@code contacted_at}, {@code qualified_at}, {@code converted_at} (timestamptz or null; cumulative, a
     * won lead has all three), {@code lost_at} (set exactly while LOST). Use as {@code FROM (…) AS alias}.
     */
    public static final String LEADS = """
            (SELECT l.id AS id, l.contact_id AS contact_id, l.owner_id AS owner_id, l.source_channel AS source_channel,
                    l.region AS region, l.status AS status, l.lost_reason_code AS lost_reason_code, l.created_at AS created_at,
                    l.contacted_at AS contacted_at, l.qualified_at AS qualified_at, l.converted_at AS converted_at,
                    l.lost_at AS lost_at, l.first_interaction_at AS first_interaction_at
             FROM lead l)""";

    /** The business time zone the months of {@link #OPEN_WORK_BY_MONTH} are counted in (V47). */
    public static final String OPEN_WORK_BY_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table kept fresh in the transaction that writes leads or interactions (V47): the leads, and the pairs of
     * a lead and an interaction on its customer, counted per {@code owner_id} (uuid or null: in a queue), {@code region}
     * (the lead's, or null), {@code created_month} (date: the month the lead was created), {@code closed_month} (date: the
     * month of the earlier of its conversion and loss; {@code infinity}: neither) and {@code month} (date: the
     * interaction's month; {@code -infinity} on the rows counting leads), months in {@link #OPEN_WORK_BY_MONTH_ZONE} as
     * their first day: {@code leads} (bigint), {@code interactions} (bigint). For the months [A, B], the leads open in
     * them are {@code sum(leads)} where created_month &lt;= B and closed_month &gt;= A, and the interactions in them on
     * those leads' customers {@code sum(interactions)} of the same rows with month in [A, B]. Use as
     * {@code FROM (…) AS alias}.
     */
    public static final String OPEN_WORK_BY_MONTH = """
            (SELECT w.owner_id AS owner_id, w.region AS region, w.created_month AS created_month, w.closed_month AS closed_month,
                    w.month AS month, w.leads AS leads, w.interactions AS interactions
             FROM lead_open_work_month w)""";

    /** The business time zone the months of {@link #FIRST_CONTACT_BY_MONTH} are counted in (V58). */
    public static final String FIRST_CONTACT_BY_MONTH_ZONE = "Asia/Shanghai";

    /** {@link #FIRST_CONTACT_BY_MONTH}'s open bucket below: every negative number of minutes (a first contact stamped before the creation). */
    public static final int FIRST_CONTACT_BELOW = -1;

    /** {@link #FIRST_CONTACT_BY_MONTH}'s open bucket above: a week or more (10 080 minutes and beyond). */
    public static final int FIRST_CONTACT_HORIZON = 10080;

    /**
     * A derived table kept fresh in the transaction that writes leads (V58): the leads counted per {@code month} (date, the
     * first day of the month the lead was created in {@link #FIRST_CONTACT_BY_MONTH_ZONE}), {@code owner_id} (uuid or null:
     * in a queue) and {@code minutes} (integer: the whole minutes, floor, from its creation to its first contact
     * {@code LEAST(contacted_at, first_interaction_at)}; null: not contacted yet; exact from 0 to 10 079, while
     * {@link #FIRST_CONTACT_BELOW} holds every negative value and {@link #FIRST_CONTACT_HORIZON} every value of a week or
     * more): {@code leads} (bigint, above 0). Use as {@code FROM (…) AS alias}.
     */
    public static final String FIRST_CONTACT_BY_MONTH = """
            (SELECT f.month AS month, f.owner_id AS owner_id, f.minutes AS minutes, f.leads AS leads
             FROM lead_first_contact_month f)""";

    /** The business time zone the days of {@link #FUNNEL_BY_DAY} are counted in (V50). */
    public static final String FUNNEL_BY_DAY_ZONE = "Asia/Shanghai";

    /**
     * A derived table, the leads counted per key, kept fresh in the transaction that writes leads (V50): {@code day} (date,
     * the day the lead was created in {@link #FUNNEL_BY_DAY_ZONE}), {@code owner_id}, {@code source_channel}, {@code region},
     * {@code lost_reason_code} (as in {@link #LEADS}), {@code contacted} (boolean: contacted_at or first_interaction_at set),
     * {@code qualified}, {@code converted} (boolean: qualified_at, converted_at set), {@code lost} (boolean: status LOST),
     * {@code leads} (bigint, above 0). The leads created in the whole days [A, B] are the rows with day in [A, B]. Use as
     * {@code FROM (…) AS alias}.
     */
    public static final String FUNNEL_BY_DAY = """
            (SELECT f.day AS day, f.owner_id AS owner_id, f.source_channel AS source_channel, f.region AS region,
                    f.lost_reason_code AS lost_reason_code, f.contacted AS contacted, f.qualified AS qualified, f.converted AS converted,
                    f.lost AS lost, f.leads AS leads
             FROM lead_funnel_day f)""";

    /**
     * {@link #FUNNEL_BY_DAY} summed per calendar month (V50, kept in the same transaction): {@code month} (date, the
     * month's first day in {@link #FUNNEL_BY_DAY_ZONE}) and the same columns. Use as {@code FROM (…) AS alias}.
     */
    public static final String FUNNEL_BY_MONTH = """
            (SELECT f.month AS month, f.owner_id AS owner_id, f.source_channel AS source_channel, f.region AS region,
                    f.lost_reason_code AS lost_reason_code, f.contacted AS contacted, f.qualified AS qualified, f.converted AS converted,
                    f.lost AS lost, f.leads AS leads
             FROM lead_funnel_month f)""";
}
