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

    /**
     * A derived table, one row per complaint with its SLA clocks, for analytics: {@code id} (uuid), {@code contact_id}
     * (uuid), {@code category} (a {@link ComplaintCategory} name), {@code severity} (a {@link Severity} name),
     * {@code received_at}; the first response {@code acknowledge_due_at} and {@code acknowledged_at}; the resolution
     * {@code resolve_due_at} and {@code resolved_at} (the current clock: a reopened complaint's runs again, its earlier
     * resolution forgotten); the follow-up call {@code follow_up_due_at} and {@code followed_up_at} (null until
     * resolved). All times timestamptz, the done times null until done. Open ({@link ComplaintState#isOpen}) is
     * {@code followed_up_at IS NULL}: a complaint is closed only after its follow-up and a reopening clears both.
     * Use as {@code FROM (…) AS alias}.
     */
    public static final String SLA_CLOCKS = """
            (SELECT c.id AS id, c.contact_id AS contact_id, c.category AS category, c.severity AS severity,
                    c.received_at AS received_at, c.acknowledge_due_at AS acknowledge_due_at, c.acknowledged_at AS acknowledged_at,
                    c.resolve_due_at AS resolve_due_at, c.resolved_at AS resolved_at,
                    c.follow_up_due_at AS follow_up_due_at, c.followed_up_at AS followed_up_at
             FROM complaint c)""";
}
