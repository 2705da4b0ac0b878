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
}
