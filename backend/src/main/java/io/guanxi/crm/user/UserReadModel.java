package io.guanxi.crm.user;

/**
 * What the user feature publishes on purpose for other features' set-based SQL: the active holders of
 * a role, and the integrators. Another feature joins or selects from these, never {@code app_user} or
 * {@code app_user_role} directly; the columns below are the contract.
 */
public final class UserReadModel {

    private UserReadModel() {
    }

    /**
     * A derived table of the active users holding the role bound to {@code :role} (a {@code Role} name),
     * one row each, column {@code id} (uuid). Use as {@code FROM (…) AS alias}.
     */
    public static final String ACTIVE_WITH_ROLE = """
            (SELECT u.id AS id FROM app_user u
             WHERE u.active AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = :role))""";

    /** The ids of the users with the INTEGRATOR role (systems: a web form, a shop): one column, {@code user_id}. */
    public static final String INTEGRATOR_IDS = "SELECT user_id FROM app_user_role WHERE role = 'INTEGRATOR'";
}
