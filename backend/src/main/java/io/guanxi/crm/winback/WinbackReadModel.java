package io.guanxi.crm.winback;

/**
 * What the win-back feature publishes on purpose for other features' set-based SQL (analytics: win-back
 * results over a period, per rep). Another feature selects from this derived table, never from
 * {@code winback_plan} or {@code winback_target} directly; the columns below are the contract.
 */
public final class WinbackReadModel {

    private WinbackReadModel() {
    }

    /**
     * A derived table, one row per target of a plan (a customer in two plans has two rows): {@code id}
     * (uuid, the target), {@code plan_id} (uuid), {@code contact_id} (uuid), {@code plan_owner_id} (uuid:
     * who owns the plan), {@code plan_state} (a {@link WinbackState} name), {@code started_at}
     * (timestamptz, null until DO), {@code goal_days} (int: a purchase within this many days of the start
     * wins the customer back), {@code checked_at} (timestamptz, null until CHECK), {@code outcome} (a
     * {@link WinbackOutcome} name or null), {@code outcome_at} (timestamptz or null), {@code won_back_at}
     * (timestamptz: the first kept purchase after the start within the goal's days, as CHECK froze it;
     * null before CHECK — while the plan is being done, measure it from purchases the same way).
     * Use as {@code FROM (…) AS alias}.
     */
    public static final String TARGETS = """
            (SELECT t.id AS id, t.plan_id AS plan_id, t.contact_id AS contact_id, p.owner_id AS plan_owner_id,
                    p.state AS plan_state, p.started_at AS started_at, p.goal_days AS goal_days, p.checked_at AS checked_at,
                    t.outcome AS outcome, t.outcome_at AS outcome_at, t.won_back_at AS won_back_at
             FROM winback_target t JOIN winback_plan p ON p.id = t.plan_id)""";
}
