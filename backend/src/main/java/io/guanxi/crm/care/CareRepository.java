package io.guanxi.crm.care;

import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentSql;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Finds the occasions that fall in the care window and claims each one in {@code care_occasion}, in one
 * statement: the primary key (customer, occasion, date) makes "once per occasion" hold however often
 * and however concurrently the scan runs.
 */
@ApplicationScoped
public class CareRepository {

    /** The date in year {@code year} with the month and day of {@code day}; 29 February becomes the 28th in other years. */
    private static String sameDayIn(String day, String year) {
        return """
                (make_date(%2$s, extract(month FROM %1$s)::int, 1)
                 + (least(extract(day FROM %1$s)::int,
                          extract(day FROM make_date(%2$s, extract(month FROM %1$s)::int, 1) + interval '1 month' - interval '1 day')::int) - 1))"""
                .formatted(day, year);
    }

    /**
     * The birthday of a profile row as a date whose month and day are the birthday's: the full date, or one
     * without its year (--MM-DD) placed in 2000, a leap year, so that 29 February is a date; only the month
     * and the day are read from it.
     */
    private static String anyBirthday(String alias) {
        return "coalesce(%1$s.birthday, to_date('2000' || substr(%1$s.birth_month_day, 2), 'YYYY-MM-DD'))".formatted(alias);
    }

    @Inject
    EntityManager em;

    /**
     * The owner's customers (not archived) whose birthday, with or without its year, falls between
     * {@code first} and {@code last} (at most a year apart): id, name, born (the full date or null), day
     * (this occurrence), total (how many there are), nearest first.
     */
    List<Tuple> birthdaysBetween(UUID owner, LocalDate first, LocalDate last, int limit) {
        return Rows.list(em.createNativeQuery("""
                WITH person AS (
                    SELECT p.id AS id, p.name AS name, p.birthday AS born, %2$s AS birthday
                    FROM %1$s AS p
                    WHERE p.owner_id = :owner AND (p.birthday IS NOT NULL OR p.birth_month_day IS NOT NULL)
                ), upcoming AS (
                    SELECT pe.id AS id, pe.name AS name, pe.born AS born, min(%3$s) AS day
                    FROM person pe CROSS JOIN (VALUES (:year), (:year + 1)) AS yr(y)
                    WHERE %3$s BETWEEN :first AND :last
                    GROUP BY pe.id, pe.name, pe.born
                )
                SELECT u.id AS id, u.name AS name, u.born AS born, u.day AS day, count(*) OVER () AS total
                FROM upcoming u ORDER BY u.day, u.name, u.id LIMIT :limit"""
                .formatted(ContactReadModel.ACTIVE_PROFILES, anyBirthday("p"), sameDayIn("pe.birthday", "yr.y")), Tuple.class)
                .setParameter("owner", owner)
                .setParameter("year", first.getYear())
                .setParameter("first", first)
                .setParameter("last", last)
                .setParameter("limit", limit));
    }

    /** What the policy decided for each occasion newly claimed: CALL, GREETING or NO_CONSENT. */
    List<Tuple> claimDue(CareWindow window, CarePolicy policy, List<String> callLevels, Instant now) {
        return Rows.list(em.createNativeQuery("""
                WITH person AS (
                    SELECT p.id AS id, p.owner_id AS owner_id, p.name AS name, 
                           %5$s AS birthday,
                           p.marketing_consent AS marketing_consent, s.abc_tier AS abc_tier,
                           s.membership_level AS membership_level,
                           CAST(s.first_purchase_at AT TIME ZONE :zone AS date) AS first_purchase_day
                    FROM %1$s AS p LEFT JOIN %2$s AS s ON s.contact_id = p.id
                ), occasion AS (
                    SELECT pe.id AS contact_id, 'BIRTHDAY' AS occasion, %3$s AS occasion_date
                    FROM person pe CROSS JOIN (VALUES (:year), (:year + 1)) AS yr(y)
                    WHERE pe.birthday IS NOT NULL AND 'BIRTHDAY' = ANY (CAST(:occasions AS text[]))
                    UNION ALL
                    SELECT pe.id, 'PURCHASE_ANNIVERSARY', %4$s
                    FROM person pe CROSS JOIN (VALUES (:year), (:year + 1)) AS yr(y)
                    WHERE pe.first_purchase_day IS NOT NULL AND yr.y > extract(year FROM pe.first_purchase_day)
                      AND 'PURCHASE_ANNIVERSARY' = ANY (CAST(:occasions AS text[]))
                    UNION ALL
                    -- Holidays are for customers, who have bought.
                    SELECT pe.id, h.code, h.day
                    FROM person pe CROSS JOIN unnest(CAST(:holidayCodes AS text[]), CAST(:holidayDates AS date[])) AS h(code, day)
                    WHERE pe.first_purchase_day IS NOT NULL
                ), due AS (
                    SELECT o.contact_id AS contact_id, o.occasion AS occasion, o.occasion_date AS occasion_date,
                           pe.owner_id AS owner_id, pe.name AS name,
                           CASE WHEN pe.abc_tier = ANY (CAST(:callTiers AS text[]))
                                  OR pe.membership_level = ANY (CAST(:callLevels AS text[])) THEN 'CALL'
                                WHEN %6$s THEN 'GREETING'
                                ELSE 'NO_CONSENT' END AS handling
                    FROM occasion o JOIN person pe ON pe.id = o.contact_id
                    WHERE o.occasion_date BETWEEN :today AND :horizon
                      AND NOT EXISTS (SELECT 1 FROM care_occasion co WHERE co.contact_id = o.contact_id
                                        AND co.occasion = o.occasion AND co.occasion_date = o.occasion_date)
                ), claimed AS (
                    INSERT INTO care_occasion (contact_id, occasion, occasion_date, handling, activity_id, policy_version, created_at)
                    SELECT d.contact_id, d.occasion, d.occasion_date, d.handling,
                           CASE WHEN d.handling = 'NO_CONSENT' THEN NULL ELSE gen_random_uuid() END, :version, :now
                    FROM due d
                    ON CONFLICT DO NOTHING
                    RETURNING contact_id, occasion, occasion_date, handling, activity_id
                )
                SELECT c.contact_id AS contact_id, c.occasion AS occasion, c.occasion_date AS occasion_date,
                       c.handling AS handling, c.activity_id AS activity_id, d.owner_id AS owner_id, d.name AS name
                FROM claimed c JOIN due d ON d.contact_id = c.contact_id AND d.occasion = c.occasion
                                         AND d.occasion_date = c.occasion_date
                ORDER BY c.occasion_date, c.contact_id"""
                .formatted(ContactReadModel.ACTIVE_PROFILES, TierReadModel.SEGMENTS, sameDayIn("pe.birthday", "yr.y"),
                        sameDayIn("pe.first_purchase_day", "yr.y"),
                        anyBirthday("p"), ConsentSql.allows(ConsentPurposes.MARKETING, "pe.id", "pe.marketing_consent")), Tuple.class)
                .setParameter("zone", window.zone().getId())
                .setParameter("year", window.today().getYear())
                .setParameter("occasions", policy.occasions.toArray(String[]::new))
                .setParameter("holidayCodes", window.holidays().stream().map(h -> h.occasion().name()).toArray(String[]::new))
                .setParameter("holidayDates", window.holidays().stream().map(HolidayCalendar.Holiday::date).toArray(LocalDate[]::new))
                .setParameter("callTiers", policy.callAbcTiers.toArray(String[]::new))
                .setParameter("callLevels", callLevels.toArray(String[]::new))
                .setParameter("today", window.today())
                .setParameter("horizon", window.horizon())
                .setParameter("version", policy.version)
                .setParameter("now", now));
    }
}
