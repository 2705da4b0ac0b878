package io.guanxi.crm.platform.db;

/**
 * The read-only persistence unit on the {@code reporting} datasource (docs/operations.md, "The reporting replica"):
 * analytics reads its figures and drill lists through it, so pointing QUARKUS_DATASOURCE_REPORTING_JDBC_URL at a
 * streaming replica takes that load off the primary. No entities: native SQL only.
 */
public final class Reporting {

    public static final String UNIT = "reporting";

    private Reporting() {
    }
}
