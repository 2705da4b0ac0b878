package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.loyalty.LoyaltyReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.tier.TierReadModel;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the loyalty section ({@link LoyaltySection}) over the points ledger ({@link LoyaltyReadModel}): what was
 * issued, redeemed and expired in a period, and the points customers held at an instant (today's balances less what
 * the ledger took in since), by their current membership level ({@link TierReadModel}).
 */
@ApplicationScoped
public class LoyaltyRepository {

    /** The ledger entries a flow figure counts, and the points each adds to it. */
    enum Flow {
        /** Points given: earned on purchases, referral bonuses, and positive adjustments (compensations included). */
        ISSUED("e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)", "e.points"),
        /** Points spent on rewards, less those given back when a redemption was cancelled. */
        REDEEMED("e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'", "-e.points"),
        /** Points that lapsed unused. */
        EXPIRED("e.kind = 'EXPIRE'", "-e.points");

        final String condition;
        final String amount;

        Flow(String condition, String amount) {
            this.condition = condition;
            this.amount = amount;
        }
    }

    /** Points issued, redeemed and expired in a period. */
    record Flows(long issued, long redeemed, long expired) {
    }

    /** The points held at an instant by the customers of one membership level (NONE: not a member). */
    record Held(String level, long holders, long points) {
    }

    /** The level of customers without a membership level. */
    static final String NO_LEVEL = "NONE";

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /**
     * The period's entries of every flow, in scope: contact_id, kind, cause, points, id, created_at, name, owner_id. The
     * customer is joined LEFT (every account has one) so that PostgreSQL leaves the join out when nothing reads it.
     */
    private static String entries(AnalyticsQuery query, Period period, Map<String, Object> params) {
        params.put("start", period.start(query.zone()));
        params.put("end", period.end(query.zone()));
        return """
                SELECT e.id AS id, e.contact_id AS contact_id, e.kind AS kind, e.cause AS cause, e.points AS points,
                       e.created_at AS created_at, c.name AS name, c.owner_id AS owner_id
                FROM %s AS e LEFT JOIN %s AS c ON c.id = e.contact_id
                WHERE e.created_at >= :start AND e.created_at < :end AND %s"""
                .formatted(LoyaltyReadModel.ENTRIES, ContactReadModel.CONTACTS, query.customerScope("e.contact_id", "c.owner_id", params));
    }

    Flows flows(AnalyticsQuery query, Period period) {
        Map<String, Object> params = new HashMap<>();
        if (fromRollup(query, period)) {
            params.put("fromMonth", period.start(query.zone()).atZone(query.zone()).toLocalDate());
            params.put("toMonth", period.end(query.zone()).atZone(query.zone()).toLocalDate());
            String sql = "SELECT COALESCE(sum(r.issued), 0) AS issued, COALESCE(sum(r.redeemed), 0) AS redeemed,"
                    + " COALESCE(sum(r.expired), 0) AS expired FROM " + LoyaltyReadModel.FLOWS_BY_OWNER_MONTH
                    + " AS r WHERE r.month >= :fromMonth AND r.month < :toMonth AND " + query.scope("r.owner_id", null, null, params);
            Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
            return new Flows(Rows.longValue(row, "issued"), Rows.longValue(row, "redeemed"), Rows.longValue(row, "expired"));
        }
        String sql = "SELECT " + sumOf(Flow.ISSUED, "issued") + ", " + sumOf(Flow.REDEEMED, "redeemed") + ", " + sumOf(Flow.EXPIRED, "expired")
                + " FROM (" + entries(query, period, params) + ") AS e";
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        return new Flows(Rows.longValue(row, "issued"), Rows.longValue(row, "redeemed"), Rows.longValue(row, "expired"));
    }

    /**
     * Whether a period's flows can be summed from {@link LoyaltyReadModel#FLOWS_BY_OWNER_MONTH}: the section counts in
     * the zone the rollup counts in, the period is whole calendar months there, and the scope is at most an owner (the
     * rollup has no region or tier).
     */
    static boolean fromRollup(AnalyticsQuery query, Period period) {
        ZoneId zone = query.zone();
        return query.filter().region() == null && query.filter().tier() == null
                && LoyaltyReadModel.FLOWS_BY_OWNER_MONTH_ZONE.equals(zone.getId())
                && monthStart(period.start(zone), zone) && monthStart(period.end(zone), zone);
    }

    private static boolean monthStart(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return day.getDayOfMonth() == 1 && day.atStartOfDay(zone).toInstant().equals(instant);
    }

    private static String sumOf(Flow flow, String alias) {
        return "COALESCE(sum(" + flow.amount + ") FILTER (WHERE " + flow.condition + "), 0) AS " + alias;
    }

    /** The entries of one flow in the period (amount: the points they add to the figure; note: loyalty.<cause>). */
    DrillQuery entries(AnalyticsQuery query, Flow flow) {
        Map<String, Object> params = new HashMap<>();
        String sql = """
                SELECT 'POINTS_ENTRY' AS kind, CAST(lpad(to_hex(e.id), 32, '0') AS uuid) AS id, e.contact_id AS contact_id,
                       e.name AS title, e.owner_id AS owner_id, e.created_at AS at, CAST(%s AS numeric) AS amount,
                       'loyalty.' || e.cause AS note
                FROM (%s) AS e WHERE %s""".formatted(flow.amount, entries(query, query.period(), params), flow.condition);
        return new DrillQuery(sql, params);
    }

    /** Holders and points held at {@code asOf} per current membership level (levels without holders have no row). */
    List<Held> heldByLevel(AnalyticsQuery query, Instant asOf) {
        Map<String, Object> params = new HashMap<>();
        String sql = held(query, asOf, params) + """
                SELECT h.level AS level, count(*) AS holders, sum(h.points) AS points FROM h GROUP BY h.level""";
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params)).stream()
                .map(row -> new Held(Rows.string(row, "level"), Rows.longValue(row, "holders"), Rows.longValue(row, "points"))).toList();
    }

    /** The customers holding points at the end of the period or now (amount: their points), of one level or all. */
    DrillQuery holders(AnalyticsQuery query, String level) {
        Map<String, Object> params = new HashMap<>();
        String sql = held(query, query.asOf(query.period()), params) + """
                SELECT 'CONTACT' AS kind, h.contact_id AS id, h.contact_id AS contact_id, h.name AS title, h.owner_id AS owner_id,
                       CAST(NULL AS timestamptz) AS at, CAST(h.points AS numeric) AS amount, CAST(NULL AS text) AS note
                FROM h""";
        if (level != null) {
            sql += " WHERE h.level = :level";
            params.put("level", level);
        }
        return new DrillQuery(sql, params);
    }

    /**
     * {@code h}: each customer in scope who held points at {@code asOf} (their balance now less the points of the
     * entries made since), with their current membership level (NONE when not a member). The owner is the account's
     * (the customer's owner, kept on it), so a rep's accounts are read through its index without joining contact.
     */
    private static String held(AnalyticsQuery query, Instant asOf, Map<String, Object> params) {
        params.put("asOf", asOf);
        return """
                WITH later AS (
                    SELECT e.contact_id AS contact_id, sum(e.points) AS points FROM %s AS e WHERE e.created_at >= :asOf GROUP BY e.contact_id),
                h AS (
                    SELECT b.contact_id AS contact_id, b.balance - COALESCE(l.points, 0) AS points, c.name AS name, b.owner_id AS owner_id,
                           COALESCE(m.membership_level, '%s') AS level
                    FROM %s AS b LEFT JOIN %s AS c ON c.id = b.contact_id
                    LEFT JOIN later l ON l.contact_id = b.contact_id
                    LEFT JOIN %s AS m ON m.contact_id = b.contact_id
                    WHERE b.balance - COALESCE(l.points, 0) > 0 AND %s)
                """.formatted(LoyaltyReadModel.ENTRIES, NO_LEVEL, LoyaltyReadModel.BALANCES, ContactReadModel.CONTACTS,
                TierReadModel.MEMBERSHIP_LEVELS, query.customerScope("b.contact_id", "b.owner_id", params));
    }

    /** What one point was worth at {@code asOf}: the policy version then in force, else the first version. */
    BigDecimal pointValue(Instant asOf) {
        Tuple row = Rows.one(em.createNativeQuery("""
                SELECT COALESCE((SELECT v.point_value_cny FROM %1$s AS v WHERE v.created_at <= :asOf ORDER BY v.version DESC LIMIT 1),
                                (SELECT v.point_value_cny FROM %1$s AS v ORDER BY v.version LIMIT 1)) AS point_value"""
                .formatted(LoyaltyReadModel.POINT_VALUES), Tuple.class).setParameter("asOf", asOf));
        return Rows.decimal(row, "point_value");
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
