package io.guanxi.crm.loyalty;

/**
 * What the loyalty feature publishes on purpose for other features' set-based SQL: the points each
 * customer still holds and when they expire. Another feature selects from this derived table, never
 * from {@code points_lot} directly; the columns below are the contract.
 */
public final class LoyaltyReadModel {

    private LoyaltyReadModel() {
    }

    /**
     * A derived table, one row per lot with points left: {@code contact_id} (uuid), {@code remaining}
     * (bigint, > 0), {@code expires_at} (timestamptz; a lot past it is expired even before the expiry
     * job has run). Use as {@code FROM (…) AS alias}.
     */
    public static final String OPEN_LOTS = """
            (SELECT l.contact_id AS contact_id, l.remaining AS remaining, l.expires_at AS expires_at
             FROM points_lot l WHERE l.remaining > 0)""";
}
