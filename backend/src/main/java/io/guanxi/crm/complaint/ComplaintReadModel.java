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
     * {@code owner_id} (uuid) is the customer's owner now, kept on the complaint (V56): a rep's complaints are
     * {@code owner_id = :rep}, without the customer. Use as {@code FROM (…) AS alias}.
     */
    public static final String SLA_CLOCKS = """
            (SELECT c.id AS id, c.contact_id AS contact_id, c.owner_id AS owner_id, c.category AS category, c.severity AS severity,
                    c.received_at AS received_at, c.acknowledge_due_at AS acknowledge_due_at, c.acknowledged_at AS acknowledged_at,
                    c.resolve_due_at AS resolve_due_at, c.resolved_at AS resolved_at,
                    c.follow_up_due_at AS follow_up_due_at, c.followed_up_at AS followed_up_at
             FROM complaint c)""";

    /** The business time zone the months of {@link #SLA_BY_OWNER_MONTH} are counted in (V48). */
    public static final String SLA_BY_OWNER_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table, the complaints counted per customer's current owner, calendar month ({@link #SLA_BY_OWNER_MONTH_ZONE}),
     * category and severity, kept fresh in the transaction that writes complaints or changes a customer's owner (V48):
     * {@code owner_id} (uuid), {@code month} (date, the month's first day), {@code category}, {@code severity}, and each
     * complaint counted in the month of the instant named: {@code received} (received_at), {@code closed} (followed up:
     * the later of received_at and followed_up_at, so the complaints open at a month boundary T are received − closed
     * over the months before T), {@code acknowledge_due} and {@code acknowledge_met} (acknowledge_due_at; acknowledged at
     * or before it), {@code resolve_due} and {@code resolve_met} (resolve_due_at; resolved at or before it). Use as
     * {@code FROM (…) AS alias}.
     */
    public static final String SLA_BY_OWNER_MONTH = """
            (SELECT r.owner_id AS owner_id, r.month AS month, r.category AS category, r.severity AS severity, r.received AS received,
                    r.closed AS closed, r.acknowledge_due AS acknowledge_due, r.acknowledge_met AS acknowledge_met,
                    r.resolve_due AS resolve_due, r.resolve_met AS resolve_met
             FROM complaint_month_rollup r)""";

    /**
     * A derived table, the resolved complaints counted per customer's current owner, calendar month of the resolution
     * ({@link #SLA_BY_OWNER_MONTH_ZONE}) and whole hours from receipt to resolution, kept like {@link #SLA_BY_OWNER_MONTH}
     * (V48): {@code owner_id} (uuid), {@code month} (date), {@code hours} (bigint, floor of the hours), {@code complaints},
     * {@code micros} and {@code micros_sq} (numeric: the sum of their durations in microseconds and of their squares; the
     * durations are all equal when complaints × micros_sq = micros²). Otherwise the durations of one hour are read in
     * order from the complaints themselves. Use as {@code FROM (…) AS alias}.
     */
    public static final String RESOLVE_HOURS_BY_OWNER_MONTH = """
            (SELECT r.owner_id AS owner_id, r.month AS month, r.hours AS hours, r.complaints AS complaints, r.micros AS micros,
                    r.micros_sq AS micros_sq
             FROM complaint_resolve_hours r)""";
}
