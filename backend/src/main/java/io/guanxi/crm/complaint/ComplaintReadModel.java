package io.guanxi.crm.complaint;

/**
 * What the complaint feature publishes on purpose for other features' set-based SQL (churn risk):
 * each complaint's customer, severity, when it came in and whether it is still open. Another feature
 * selects from this derived table, never from {@code complaint} directly; the columns below are the
 * contract.
 */
public final class ComplaintReadModel {

    private ComplaintReadModel() {
    }

    /**
     * A derived table, one row per complaint: {@code contact_id} (uuid), {@code severity} (a
     * {@link Severity} name), {@code received_at} (timestamptz), {@code open} (boolean: not yet followed
     * up or closed, {@link ComplaintState#isOpen}). Use as {@code FROM (…) AS alias}.
     */
    public static final String COMPLAINTS = """
            (SELECT c.contact_id AS contact_id, c.severity AS severity, c.received_at AS received_at,
                    c.state IN %s AS open
             FROM complaint c)""".formatted(ComplaintState.OPEN_SQL);
}
