package io.guanxi.crm.consent;

import java.util.regex.Pattern;

/**
 * The consent rule as an SQL condition, written once for every statement that reaches out to customers or
 * profiles them (care, campaigns, surveys, lead and churn-risk scoring). Same rule as {@link ConsentStatus}
 * in Java: the latest ledger entry wins; without one, a purpose on another legal basis than consent applies,
 * and a consent-based one applies only where the profile's marketing-consent tick counts and is set.
 * Written as EXISTS / NOT EXISTS so that PostgreSQL runs it as hash semi- and anti-joins over the ledger.
 */
public final class ConsentSql {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private ConsentSql() {
    }

    /**
     * True where the purpose may be pursued for the customer in {@code contactIdColumn}.
     *
     * @param profileFlagColumn the row's marketing-consent tick (from {@code ContactReadModel}), or null when the statement has none
     */
    public static String allows(String purposeCode, String contactIdColumn, String profileFlagColumn) {
        if (!CODE.matcher(purposeCode).matches() || !COLUMN.matcher(contactIdColumn).matches()
                || (profileFlagColumn != null && !COLUMN.matcher(profileFlagColumn).matches())) {
            throw new IllegalArgumentException("not a purpose code or a column");
        }
        String flag = profileFlagColumn == null ? "false" : "(d.profile_flag_grants AND " + profileFlagColumn + ")";
        return """
                (NOT EXISTS (SELECT 1 FROM %1$s AS a WHERE a.contact_id = %2$s AND a.purpose_code = '%3$s' AND NOT a.granted)
                 AND (EXISTS (SELECT 1 FROM %1$s AS a WHERE a.contact_id = %2$s AND a.purpose_code = '%3$s' AND a.granted)
                      OR EXISTS (SELECT 1 FROM %4$s AS d WHERE d.code = '%3$s' AND (d.granted_unanswered OR %5$s))))"""
                .formatted(ConsentReadModel.ANSWERS, contactIdColumn, purposeCode, ConsentReadModel.PURPOSES, flag);
    }

    /** True where the customer is left out of the purpose. */
    public static String refuses(String purposeCode, String contactIdColumn, String profileFlagColumn) {
        return "NOT " + allows(purposeCode, contactIdColumn, profileFlagColumn);
    }
}
