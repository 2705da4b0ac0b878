package io.guanxi.crm.platform.security;

/** The roles of SPEC "Who uses it"; a user may hold several. */
public enum Role {
    ADMIN, MANAGER, SALES_REP, SERVICE_AGENT,
    /** A system (website form, shop, POS) with its own credentials: only the endpoints made for it. */
    INTEGRATOR;

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String MANAGER = "MANAGER";
        public static final String SALES_REP = "SALES_REP";
        public static final String SERVICE_AGENT = "SERVICE_AGENT";
        public static final String INTEGRATOR = "INTEGRATOR";

        private Names() {
        }
    }
}
