package io.guanxi.crm.tier;

/**
 * What the tier feature publishes on purpose for other features' set-based SQL: each customer's
 * membership level. Another feature joins this derived table, never {@code customer_value} directly;
 * the columns below are the contract.
 */
public final class TierReadModel {

    private TierReadModel() {
    }

    /**
     * A derived table, one row per customer with a value row: {@code contact_id} (uuid),
     * {@code membership_level} (a {@code MembershipLevel} name; a customer without a row is not a member).
     * Use as {@code LEFT JOIN (…) AS alias ON alias.contact_id = …}.
     */
    public static final String MEMBERSHIP_LEVELS = """
            (SELECT v.contact_id AS contact_id, v.membership_level AS membership_level FROM customer_value v)""";

    /**
     * A derived table, one row per customer with a value row (who has bought): {@code contact_id} (uuid),
     * {@code abc_tier} (A, B, C, INACTIVE or null), {@code membership_level} (a {@code MembershipLevel}
     * name), {@code first_purchase_at} (timestamptz). Use as {@code LEFT JOIN (…) AS alias ON alias.contact_id = …}.
     */
    public static final String SEGMENTS = """
            (SELECT v.contact_id AS contact_id, v.abc_tier AS abc_tier, v.membership_level AS membership_level,
                    v.first_purchase_at AS first_purchase_at FROM customer_value v)""";

    /**
     * A derived table, one row per customer with a value row (who has bought): {@code contact_id} (uuid),
     * {@code abc_tier} (A, B, C, INACTIVE or null before the first recompute), {@code abcd_quadrant} (A, B, C, D or
     * null likewise), {@code membership_level} (a {@code MembershipLevel} name). The current classes, for analytics.
     */
    public static final String VALUE_CLASSES = """
            (SELECT v.contact_id AS contact_id, v.abc_tier AS abc_tier, v.abcd_quadrant AS abcd_quadrant,
                    v.membership_level AS membership_level FROM customer_value v)""";

    /**
     * A derived table, one row per membership level change: {@code contact_id} (uuid),
     * {@code from_level} and {@code to_level} ({@code MembershipLevel} names; from is null for the first
     * level), {@code changed_at} (timestamptz). For rules that look at a level that went down (churn risk).
     */
    public static final String LEVEL_CHANGES = """
            (SELECT h.contact_id AS contact_id, h.from_value AS from_level, h.to_value AS to_level, h.changed_at AS changed_at
             FROM tier_history h WHERE h.dimension = 'LEVEL')""";
}
