package io.guanxi.crm.contact;

/**
 * What the contact feature publishes on purpose for other features' set-based SQL: the customer rows a
 * visibility predicate is written against ({@code Visibility.contactSql(alias)} reads
 * {@code alias.owner_id}) and who referred a customer. Another feature joins this derived table,
 * never {@code contact} directly; the columns below are the contract.
 */
public final class ContactReadModel {

    private ContactReadModel() {
    }

    /**
     * A derived table, one row per customer (archived ones included): {@code id} (uuid),
     * {@code owner_id} (uuid, for {@code Visibility.contactSql}), {@code referred_by_id} (uuid or null),
     * {@code last_contacted_at} (timestamptz or null: the last interaction with them), {@code name},
     * {@code region} (a {@code Region} name or null), {@code lifecycle_stage} (a {@code LifecycleStage} name),
     * {@code created_at} (timestamptz), {@code archived} (boolean).
     * Use as {@code JOIN (…) AS alias ON alias.id = …}.
     */
    public static final String CONTACTS = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.referred_by_id AS referred_by_id,
                    c.last_contacted_at AS last_contacted_at, c.name AS name, c.region AS region,
                    c.lifecycle_stage AS lifecycle_stage, c.created_at AS created_at, c.archived_at IS NOT NULL AS archived
             FROM contact c)""";

    /**
     * A derived table, one row per customer that is not archived: {@code id} (uuid), {@code owner_id}
     * (uuid), {@code name}, {@code birthday} (date or null), {@code birth_month_day} (text "--MM-DD" or
     * null: a birthday known without its year, never together with {@code birthday}),
     * {@code marketing_consent} (boolean: agreed to marketing messages). For rules that reach out to
     * customers (care). Use as
     * {@code JOIN (…) AS alias ON alias.id = …} or {@code FROM (…) AS alias}.
     */
    public static final String ACTIVE_PROFILES = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.name AS name, c.birthday AS birthday,
                    c.birth_month_day AS birth_month_day, c.marketing_consent AS marketing_consent
             FROM contact c WHERE c.archived_at IS NULL)""";

    /**
     * A derived table, one row per customer that is not archived, with what a segment filters on:
     * {@code id} (uuid), {@code owner_id} (uuid, for {@code Visibility.contactSql}), {@code name},
     * {@code lifecycle_stage} (a {@code LifecycleStage} name), {@code tags} (text[]), {@code region} (a
     * {@code Region} name or null), {@code last_contacted_at} (timestamptz or null),
     * {@code marketing_consent} (boolean). For campaigns and whatever targets a segment.
     */
    public static final String TARGETABLE = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.name AS name, c.lifecycle_stage AS lifecycle_stage,
                    c.tags AS tags, c.region AS region, c.last_contacted_at AS last_contacted_at,
                    c.marketing_consent AS marketing_consent
             FROM contact c WHERE c.archived_at IS NULL)""";

    /**
     * A derived table, one row per customer (archived ones included), for reaching out to them (surveys): {@code id}
     * (uuid), {@code owner_id} (uuid), {@code name}, {@code mobile}, {@code wechat_id}, {@code preferred_channel}
     * (a {@code ContactChannel} name or null), {@code marketing_consent} (boolean), {@code archived} (boolean).
     * Use as {@code JOIN (…) AS alias ON alias.id = …}.
     */
    public static final String REACH = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.name AS name, c.mobile AS mobile, c.wechat_id AS wechat_id,
                    c.preferred_channel AS preferred_channel, c.marketing_consent AS marketing_consent,
                    c.archived_at IS NOT NULL AS archived
             FROM contact c)""";

    /**
     * A derived table, one row per customer that is not archived: {@code id} (uuid), {@code owner_id}
     * (uuid, for {@code Visibility.contactSql}), {@code lifecycle_stage} (a {@code LifecycleStage} name),
     * {@code created_at} (timestamptz). For rules over customers (churn risk). Use as
     * {@code FROM (…) AS alias} or {@code JOIN (…) AS alias ON alias.id = …}.
     */
    public static final String ACTIVE_STAGES = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.lifecycle_stage AS lifecycle_stage, c.created_at AS created_at
             FROM contact c WHERE c.archived_at IS NULL)""";

    /**
     * A derived table, one row per customer (archived ones included): {@code id} (uuid), {@code owner_id}
     * (uuid), {@code name}, {@code lifecycle_stage} (a {@code LifecycleStage} name), {@code created_at}
     * (timestamptz), {@code archived} (boolean). For rules on the lifecycle (churn).
     */
    public static final String LIFECYCLE = """
            (SELECT c.id AS id, c.owner_id AS owner_id, c.name AS name, c.lifecycle_stage AS lifecycle_stage,
                    c.created_at AS created_at, c.archived_at IS NOT NULL AS archived
             FROM contact c)""";

    /**
     * A derived table, one row per lifecycle move: {@code contact_id} (uuid), {@code from_stage} (a
     * {@code LifecycleStage} name or null when created), {@code to_stage}, {@code changed_at} (timestamptz),
     * {@code seq} (bigint: the order of moves made at the same instant). What stage a customer was in at a
     * time: the {@code to_stage} of its last move before it, else the {@code from_stage} of its first move
     * after it (customers loaded without a history), else its current stage.
     */
    public static final String STAGE_CHANGES = """
            (SELECT h.contact_id AS contact_id, h.from_stage AS from_stage, h.to_stage AS to_stage,
                    h.changed_at AS changed_at, h.id AS seq
             FROM contact_stage_history h)""";

    /**
     * A derived table (V49), kept current in the writing transaction by triggers on {@code contact}: the customers counted
     * per {@code owner_id} (uuid), {@code stage} (a {@code LifecycleStage} name, the current one), {@code created_month}
     * (date: the first day of the calendar month of {@code created_at} in {@link #STAGE_COUNTS_ZONE}) and {@code archived}
     * (boolean, now), in {@code customers} (bigint, possibly 0). Customers created before an instant {@code T}: the rows
     * with {@code created_month} before {@code T}'s month in that zone, plus those of {@link #CONTACTS} created from the
     * first instant of that month up to {@code T}. Their stage at {@code T} needs {@link #STAGE_CHANGES} at or after
     * {@code T}, or {@link #STAGE_MOVES}.
     */
    public static final String STAGE_COUNTS = """
            (SELECT s.owner_id AS owner_id, s.stage AS stage, s.created_month AS created_month, s.archived AS archived,
                    s.customers AS customers
             FROM contact_stage_count s)""";

    /**
     * A derived table (V49), kept current in the writing transaction by triggers on {@code contact_stage_history} and
     * {@code contact}: the stage moves (the history's rows), counted per {@code owner_id} (uuid, the customer's owner
     * now), {@code move_month} (date: the first day of the month of the move), {@code created_month} (date: of the
     * customer, as in {@link #STAGE_COUNTS}), {@code archived} (boolean: the customer is archived now), {@code from_stage}
     * (a {@code LifecycleStage} name, {@code ''} for a creation) and {@code to_stage}, in {@code moves} (bigint, possibly
     * 0). Months in {@link #STAGE_COUNTS_ZONE}. Every move is recorded from the stage the customer leaves, so the
     * customers not archived in a stage at the start of a month are those in it now less the net flow into it of their
     * moves since, creations left out (the moves into it less the moves out of it).
     */
    public static final String STAGE_MOVES = """
            (SELECT m.owner_id AS owner_id, m.move_month AS move_month, m.created_month AS created_month, m.archived AS archived,
                    m.from_stage AS from_stage, m.to_stage AS to_stage, m.moves AS moves
             FROM contact_stage_move_count m)""";

    /** The time zone of {@link #STAGE_COUNTS}' and {@link #STAGE_MOVES}' months. */
    public static final java.time.ZoneId STAGE_COUNTS_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /**
     * A derived table, one row per customer (archived ones included), for rights requests and the retention review
     * (privacy): {@code id} (uuid), {@code name}, {@code created_at} (timestamptz), {@code last_contacted_at}
     * (timestamptz or null: the last interaction), {@code anonymised_at} (timestamptz or null: when the person's data
     * was erased). Use as {@code JOIN (…) AS alias ON alias.id = …} or {@code FROM (…) AS alias}.
     */
    public static final String PERSONS = """
            (SELECT c.id AS id, c.name AS name, c.created_at AS created_at, c.last_contacted_at AS last_contacted_at,
                    c.anonymised_at AS anonymised_at
             FROM contact c)""";
}
