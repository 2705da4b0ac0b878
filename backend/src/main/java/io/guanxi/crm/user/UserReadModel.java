package io.guanxi.crm.user;

/**
 * What the user feature publishes, on purpose, for other features' set-based SQL: nothing else of
 * {@code app_user} or {@code app_user_role} may appear in another feature's SQL.
 */
public final class UserReadModel {

    /** The ids of the users with the INTEGRATOR role (systems: a web form, a shop): one column, {@code user_id}. */
    public static final String INTEGRATOR_IDS = "SELECT user_id FROM app_user_role WHERE role = 'INTEGRATOR'";

    private UserReadModel() {
    }
}
