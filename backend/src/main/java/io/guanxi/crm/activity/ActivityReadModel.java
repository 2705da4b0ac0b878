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
}
