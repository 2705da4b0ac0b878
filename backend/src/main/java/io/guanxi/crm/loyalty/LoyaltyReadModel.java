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
     * holds now, the sum of its entries), {@code owner_id} (uuid: the customer's owner now, kept by V52's triggers;
     * indexed, so a rep's accounts are read without joining contact). Use as {@code FROM (…) AS alias}.
     */
    public static final String BALANCES = """
            (SELECT a.contact_id AS contact_id, a.balance AS balance, a.owner_id AS owner_id FROM loyalty_account a)""";

    /** The business time zone the months of {@link #FLOWS_BY_OWNER_MONTH} are counted in (V52). */
    public static final String FLOWS_BY_OWNER_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table, the ledger's flows per customer's current owner and calendar month of the entry
     * ({@link #FLOWS_BY_OWNER_MONTH_ZONE}), kept fresh in the transaction that writes entries or changes a customer's
     * owner (V52): {@code owner_id} (uuid), {@code month} (date, the month's first day), {@code issued} (the points of
     * EARN, REFERRAL_BONUS and positive ADJUST entries), {@code redeemed} (less the points of REDEEM entries and of
     * entries caused by REDEMPTION_CANCELLED), {@code expired} (less the points of EXPIRE entries), all bigint. Use as
     * {@code FROM (…) AS alias}.
     */
    public static final String FLOWS_BY_OWNER_MONTH = """
            (SELECT r.owner_id AS owner_id, r.month AS month, r.issued AS issued, r.redeemed AS redeemed, r.expired AS expired
             FROM loyalty_points_month r)""";

    /**
     * A derived table, one row per version of the points policy: {@code version} (int), {@code point_value_cny}
     * (numeric: what one point is worth), {@code created_at} (timestamptz: in force from then until the next version).
     */
    public static final String POINT_VALUES = """
            (SELECT p.version AS version, p.point_value_cny AS point_value_cny, p.created_at AS created_at FROM loyalty_policy p)""";
}
