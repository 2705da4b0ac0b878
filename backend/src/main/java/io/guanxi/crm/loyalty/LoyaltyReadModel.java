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

    /**
     * A derived table, one row per ledger entry: {@code id} (bigint), {@code contact_id} (uuid), {@code kind} (an
     * {@code EntryKind} name), {@code cause} (text, e.g. REDEMPTION_CANCELLED), {@code points} (bigint: credits
     * positive, debits negative), {@code created_at} (timestamptz). An account's balance is the sum of its entries'
     * points. Use as {@code FROM (…) AS alias}.
     */
    public static final String ENTRIES = """
            (SELECT e.id AS id, e.contact_id AS contact_id, e.kind AS kind, e.cause AS cause, e.points AS points,
                    e.created_at AS created_at
             FROM points_entry e)""";

    /**
     * A derived table, one row per points account: {@code contact_id} (uuid), {@code balance} (bigint: the points it
     * holds now, the sum of its entries). Use as {@code FROM (…) AS alias}.
     */
    public static final String BALANCES = """
            (SELECT a.contact_id AS contact_id, a.balance AS balance FROM loyalty_account a)""";

    /**
     * A derived table, one row per version of the points policy: {@code version} (int), {@code point_value_cny}
     * (numeric: what one point is worth), {@code created_at} (timestamptz: in force from then until the next version).
     */
    public static final String POINT_VALUES = """
            (SELECT p.version AS version, p.point_value_cny AS point_value_cny, p.created_at AS created_at FROM loyalty_policy p)""";
}
