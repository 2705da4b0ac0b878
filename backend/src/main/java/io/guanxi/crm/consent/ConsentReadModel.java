package io.guanxi.crm.consent;

/**
 * What the consent feature publishes for other features' set-based SQL. Features that reach out to
 * customers or profile them do not write the rule themselves: they AND {@link ConsentSql#allows} into
 * their statements, which reads these derived tables. The columns below are the contract.
 */
public final class ConsentReadModel {

    private ConsentReadModel() {
    }

    /**
     * A derived table, one row per customer and purpose the ledger has an answer for (the latest entry wins):
     * {@code contact_id} (uuid), {@code purpose_code} (text), {@code granted} (boolean: false for a withdrawal
     * or objection), {@code recorded_at} (timestamptz). Use as {@code JOIN (…) AS alias ON alias.contact_id = …}.
     */
    public static final String ANSWERS = """
            (SELECT DISTINCT ON (e.contact_id, e.purpose_id) e.contact_id AS contact_id, cp.code AS purpose_code,
                    e.decision = 'GRANTED' AS granted, e.recorded_at AS recorded_at
             FROM consent_entry e JOIN consent_purpose cp ON cp.id = e.purpose_id
             ORDER BY e.contact_id, e.purpose_id, e.seq DESC)""";

    /**
     * A derived table, one row per purpose: {@code code} (text), {@code granted_unanswered} (boolean: the legal
     * basis is not consent, so a customer without an answer is included), {@code profile_flag_grants} (boolean:
     * without an answer, the profile's marketing-consent tick counts as the grant).
     */
    public static final String PURPOSES = """
            (SELECT cp.code AS code, cp.legal_basis <> 'CONSENT' AS granted_unanswered,
                    cp.profile_flag_grants AS profile_flag_grants
             FROM consent_purpose cp)""";
}
