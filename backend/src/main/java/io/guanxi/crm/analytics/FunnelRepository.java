package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.lead.LeadReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cohort funnel: the leads created in a period (in the query's scope), each with the steps it has
 * reached by now, counted in total and by source, region, owner and lost reason in one pass.
 */
@ApplicationScoped
public class FunnelRepository {

    /**
     * When a lead was first contacted: the earlier of its first interaction with its customer at or after
     * it was created (stamped on the lead, {@link LeadReadModel#LEADS} first_interaction_at) and the time it first
     * reached CONTACTED (or a later step). Null while never contacted.
     */
    static final String FIRST_CONTACT = "LEAST(l.contacted_at, l.first_interaction_at)";

    /** The steps of the funnel, each a column of {@link #cohort} true for the leads that reached it; every step holds the next. */
    enum Step {
        LEADS("TRUE"), CONTACTED("c.contacted"), QUALIFIED("c.qualified"), CONVERTED("c.converted"), REPEAT("c.repeat_customer");

        final String reached;

        Step(String reached) {
            this.reached = reached;
        }
    }

    /**
     * Counts of one group of the cohort: the total ({@code dimension} null) or one key of a dimension (null key: none).
     * {@code repeat} is the cohort's for the total; a dimension's group read from the rollup carries 0 (no figure reads it).
     */
    record Group(Dimension dimension, String key, long leads, long contacted, long qualified, long converted, long repeat, long lost) {

        long reached(Step step) {
            return switch (step) {
                case LEADS -> leads;
                case CONTACTED -> contacted;
                case QUALIFIED -> qualified;
                case CONVERTED -> converted;
                case REPEAT -> repeat;
            };
        }
    }

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /**
     * The cohort of {@code period}: its total and, with {@code breakdown}, its groups by source, region, owner and lost
     * reason. Summed from {@link LeadReadModel#FUNNEL_BY_DAY} when {@link #fromRollup}, else grouped from the raw leads.
     */
    List<Group> counts(AnalyticsQuery query, Period period, boolean breakdown) {
        if (fromRollup(query)) {
            return rollupCounts(query, period, breakdown);
        }
        Instant from = period.start(query.zone());
        Instant to = period.end(query.zone());
        Map<String, Object> params = new HashMap<>();
        // Without a breakdown there is only the total: every "not grouped by" flag is 1.
        String groups = breakdown
                ? "GROUPING(c.source_channel) AS by_source, GROUPING(c.region) AS by_region, GROUPING(c.owner_id) AS by_owner,"
                        + " GROUPING(c.lost_reason_code) AS by_reason,"
                        + " c.source_channel, c.region, CAST(c.owner_id AS text) AS owner_id, c.lost_reason_code"
                : "1 AS by_source, 1 AS by_region, 1 AS by_owner, 1 AS by_reason";
        String sql = """
                SELECT %s,
                       count(*) AS leads, count(*) FILTER (WHERE c.contacted) AS contacted,
                       count(*) FILTER (WHERE c.qualified) AS qualified, count(*) FILTER (WHERE c.converted) AS converted,
                       count(*) FILTER (WHERE c.repeat_customer) AS repeat_customer, count(*) FILTER (WHERE c.lost) AS lost
                FROM %s AS c
                %s""".formatted(groups, cohort(query, from, to, params),
                breakdown ? "GROUP BY GROUPING SETS ((), (c.source_channel), (c.region), (c.owner_id), (c.lost_reason_code))" : "");
        var statement = em.createNativeQuery(sql, Tuple.class);
        params.forEach(statement::setParameter);
        return Rows.list(statement).stream().map(FunnelRepository::group)
                .filter(g -> g.dimension() != Dimension.LOST_REASON || g.key() != null).toList();
    }

    /**
     * Whether the cohort can be summed from {@link LeadReadModel#FUNNEL_BY_DAY}: the service counts days in the zone the
     * rollup counts in (a period is always whole days) and there is no tier filter (the rollup has owner and region, not
     * the customer's tier). Otherwise the raw leads are grouped, as the definitions read.
     */
    static boolean fromRollup(AnalyticsQuery query) {
        return query.filter().tier() == null && LeadReadModel.FUNNEL_BY_DAY_ZONE.equals(query.zone().getId());
    }

    /**
     * {@link #counts} from the rollups: the period's whole months from {@link LeadReadModel#FUNNEL_BY_MONTH}, its other days
     * from {@link LeadReadModel#FUNNEL_BY_DAY}, in the query's scope (owner, the lead's region), summed per grouping set. The repeat customers change with purchases, so they are not in the rollup: the total counts
     * them live over the period's converted leads only ({@link #REPEAT}); the groups of a dimension carry 0 (no figure
     * reads them).
     */
    private List<Group> rollupCounts(AnalyticsQuery query, Period period, boolean breakdown) {
        Map<String, Object> params = new HashMap<>();
        // The whole months [wholeFrom, wholeTo) of the period from the month rows, the days before and after them from
        // the day rows; without a whole month, wholeFrom = wholeTo = the day after the period and every day is a day row.
        LocalDate wholeFrom = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate wholeTo = period.to().plusDays(1).withDayOfMonth(1);
        if (!wholeFrom.isBefore(wholeTo)) {
            wholeFrom = period.to().plusDays(1);
            wholeTo = wholeFrom;
        }
        params.put("fromDay", period.from());
        params.put("toDay", period.to());
        params.put("wholeFrom", wholeFrom);
        params.put("wholeTo", wholeTo);
        String scope = query.scope("r.owner_id", null, "r.region", params);
        String repeat = REPEAT.formatted(PurchaseReadModel.CUSTOMER_SALES, LeadReadModel.LEADS,
                query.scope("l.owner_id", "l.contact_id", "l.region", params));
        params.put("cohortFrom", period.start(query.zone()));
        params.put("cohortTo", period.end(query.zone()));
        String groups = breakdown
                ? "GROUPING(r.source_channel) AS by_source, GROUPING(r.region) AS by_region, GROUPING(r.owner_id) AS by_owner,"
                        + " GROUPING(r.lost_reason_code) AS by_reason,"
                        + " r.source_channel, r.region, CAST(r.owner_id AS text) AS owner_id, r.lost_reason_code,"
                        + " CASE WHEN GROUPING(r.source_channel, r.region, r.owner_id, r.lost_reason_code) = 15 THEN " + repeat
                        + " ELSE 0 END AS repeat_customer"
                : "1 AS by_source, 1 AS by_region, 1 AS by_owner, 1 AS by_reason, " + repeat + " AS repeat_customer";
        String sql = """
                SELECT %1$s,
                       CAST(COALESCE(sum(r.leads), 0) AS bigint) AS leads,
                       CAST(COALESCE(sum(r.leads) FILTER (WHERE r.contacted), 0) AS bigint) AS contacted,
                       CAST(COALESCE(sum(r.leads) FILTER (WHERE r.qualified), 0) AS bigint) AS qualified,
                       CAST(COALESCE(sum(r.leads) FILTER (WHERE r.converted), 0) AS bigint) AS converted,
                       CAST(COALESCE(sum(r.leads) FILTER (WHERE r.lost), 0) AS bigint) AS lost
                FROM (SELECT %2$s FROM %3$s AS m WHERE m.month >= :wholeFrom AND m.month < :wholeTo
                      UNION ALL
                      SELECT %2$s FROM %4$s AS m
                      WHERE (m.day >= :fromDay AND m.day < :wholeFrom) OR (m.day >= :wholeTo AND m.day <= :toDay)) AS r
                WHERE %5$s
                %6$s""".formatted(groups, ROLLUP_COLUMNS, LeadReadModel.FUNNEL_BY_MONTH, LeadReadModel.FUNNEL_BY_DAY, scope,
                breakdown ? "GROUP BY GROUPING SETS ((), (r.source_channel), (r.region), (r.owner_id), (r.lost_reason_code))" : "");
        var statement = em.createNativeQuery(sql, Tuple.class);
        params.forEach(statement::setParameter);
        return Rows.list(statement).stream().map(FunnelRepository::group)
                .filter(g -> g.dimension() != Dimension.LOST_REASON || g.key() != null).toList();
    }

    private static final String ROLLUP_COLUMNS = "m.owner_id, m.source_channel, m.region, m.lost_reason_code, m.contacted, m.qualified,"
            + " m.converted, m.lost, m.leads";

    /**
     * The cohort's repeat customers (as {@link #cohort} counts them: converted, and the customer has two sales or more),
     * counted over its converted leads only (V50's partial index on the converted leads' creation): a scalar subquery,
     * run once per statement.
     */
    private static final String REPEAT = """
            (SELECT count(*) FROM %2$s AS l JOIN %1$s AS cs ON cs.contact_id = l.contact_id
             WHERE l.converted_at IS NOT NULL AND l.created_at >= :cohortFrom AND l.created_at < :cohortTo AND cs.sales >= 2 AND %3$s)""";

    private static Group group(Tuple row) {
        Dimension dimension = null;
        String key = null;
        if (Rows.intValue(row, "by_source") == 0) {
            dimension = Dimension.SOURCE;
            key = Rows.string(row, "source_channel");
        } else if (Rows.intValue(row, "by_region") == 0) {
            dimension = Dimension.REGION;
            key = Rows.string(row, "region");
        } else if (Rows.intValue(row, "by_owner") == 0) {
            dimension = Dimension.REP;
            key = Rows.string(row, "owner_id");
        } else if (Rows.intValue(row, "by_reason") == 0) {
            dimension = Dimension.LOST_REASON;
            key = Rows.string(row, "lost_reason_code");
        }
        return new Group(dimension, key, Rows.longValue(row, "leads"), Rows.longValue(row, "contacted"), Rows.longValue(row, "qualified"),
                Rows.longValue(row, "converted"), Rows.longValue(row, "repeat_customer"), Rows.longValue(row, "lost"));
    }

    /**
     * The cohort's leads for which {@code condition} (over the cohort's columns, alias {@code c}) holds, as
     * drill rows: the lead, its customer's name, its owner, when it was created.
     */
    static DrillQuery drill(AnalyticsQuery query, String condition, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        String sql = """
                SELECT 'LEAD' AS kind, c.id AS id, c.contact_id AS contact_id, n.name AS title, c.owner_id AS owner_id,
                       c.created_at AS at, CAST(NULL AS numeric) AS amount, CAST(NULL AS text) AS note
                FROM %s AS c JOIN %s AS n ON n.id = c.contact_id
                WHERE %s""".formatted(cohort(query, query.start(), query.end(), all), ContactReadModel.CONTACTS, condition);
        return new DrillQuery(sql, all);
    }

    /**
     * The leads created in [from, to) in the query's scope, one row each with what it has reached by now:
     * contacted (a first contact, {@link #FIRST_CONTACT}), qualified, converted, repeat_customer (converted
     * and its customer has two purchases or more not refunded in full, {@link PurchaseReadModel#CUSTOMER_SALES} sales),
     * lost (LOST now).
     */
    private static String cohort(AnalyticsQuery query, Instant from, Instant to, Map<String, Object> params) {
        params.put("cohortFrom", from);
        params.put("cohortTo", to);
        return """
                (SELECT l.id, l.contact_id, l.owner_id, l.source_channel, l.region, l.lost_reason_code, l.created_at,
                        l.contacted_at IS NOT NULL OR l.first_interaction_at IS NOT NULL AS contacted,
                        l.qualified_at IS NOT NULL AS qualified,
                        l.converted_at IS NOT NULL AS converted,
                        l.converted_at IS NOT NULL AND COALESCE((SELECT cs.sales FROM %s AS cs
                                                                 WHERE cs.contact_id = l.contact_id), 0) >= 2 AS repeat_customer,
                        l.status = 'LOST' AS lost
                 FROM %s AS l
                 WHERE l.created_at >= :cohortFrom AND l.created_at < :cohortTo AND %s)""".formatted(
                PurchaseReadModel.CUSTOMER_SALES, LeadReadModel.LEADS, query.scope("l.owner_id", "l.contact_id", "l.region", params));
    }
}
