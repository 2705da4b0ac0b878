package io.guanxi.crm.activity;

/**
 * What the activity feature publishes on purpose for other features' set-based SQL (analytics: whether a
 * rep does what is due on time). Another feature selects from this derived table, never from
 * {@code activity} directly; the columns below are the contract.
 */
public final class ActivityReadModel {

    private ActivityReadModel() {
    }

    /**
     * A derived table, one row per activity: {@code id} (uuid), {@code contact_id} (uuid), {@code assignee_id}
     * (uuid), {@code due_at} (timestamptz), {@code overdue_at} (timestamptz: when it falls overdue, the end of
     * its day for an all-day one), {@code status} (an {@code ActivityStatus} name: OPEN, DONE, CANCELLED),
     * {@code completed_at} (timestamptz or null while OPEN). Use as {@code FROM (…) AS alias}.
     */
    public static final String ACTIVITIES = """
            (SELECT a.id AS id, a.contact_id AS contact_id, a.assignee_id AS assignee_id,
                    a.due_at AS due_at, a.overdue_at AS overdue_at, a.status AS status, a.completed_at AS completed_at
             FROM activity a)""";

    /** The business time zone the months of {@link #DONE_BY_MONTH} are counted in (V53). */
    public static final String DONE_BY_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table kept fresh in the transaction that writes activities (V53): the DONE activities counted per
     * {@code assignee_id} (uuid) and {@code month} (date: the first day of the month of {@code due_at} in
     * {@link #DONE_BY_MONTH_ZONE}): {@code done} (bigint) and {@code on_time} (bigint: of those, completed_at &lt;= overdue_at).
     * Rows may be left at zero. What is not done but overdue depends on the instant it is read at and is not in it: count
     * it from {@link #ACTIVITIES} ({@code status = 'OPEN' AND overdue_at <= now}, served by an index on the open
     * activities' due_at). Use as {@code FROM (…) AS alias}.
     */
    public static final String DONE_BY_MONTH = """
            (SELECT d.assignee_id AS assignee_id, d.month AS month, d.done AS done, d.on_time AS on_time
             FROM activity_done_month d)""";
}
