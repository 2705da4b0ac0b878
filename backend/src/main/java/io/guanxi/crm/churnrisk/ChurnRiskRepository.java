package io.guanxi.crm.churnrisk;

import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentSql;
import static io.guanxi.crm.churnrisk.ChurnRiskScoring.levelRankSql;
import static io.guanxi.crm.churnrisk.ChurnRiskScoring.severityWeightSql;

import io.guanxi.crm.complaint.ComplaintReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.interaction.InteractionReadModel;
import io.guanxi.crm.loyalty.LoyaltyReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlLists;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.survey.SurveyReadModel;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The set-based churn-risk statement and the reads of its table. One statement computes every
 * customer's facts from the other features' read models, the signals and the score under a policy
 * version, upserts {@code churn_risk} and removes rows of contacts that are no longer customers; for one
 * customer the same statement runs with every derived table filtered to that id (a separate text, not
 * a parameter, so that the planner uses the per-customer indexes).
 */
@ApplicationScoped
public class ChurnRiskRepository {

    /** Customers are in these lifecycle stages, or have bought (and are not churned). */
    static final String CUSTOMER_STAGES_SQL = SqlLists.inList(LifecycleStage.values(),
            s -> s == LifecycleStage.PURCHASE || s == LifecycleStage.LOYALTY);

    /** The latest NPS answer of each customer in the last 90 days ({@code contact_id}, {@code score}), from the surveys feature. */
    static final String NPS_ANSWERS = "SELECT DISTINCT ON (a.contact_id) a.contact_id, a.score FROM " + SurveyReadModel.NPS_ANSWERS
            + " AS a WHERE {filter:a.contact_id} AND a.answered_at > :recentFrom AND a.answered_at <= :now"
            + " ORDER BY a.contact_id, a.answered_at DESC";

    /** Computes the facts, signals, score and level of the selected customers under the CTE "policy"; {filter:column} filters a contact-id column to the selected customers. */
    static final String SCORES = """
            pu AS (
                SELECT p.contact_id,
                       count(*) FILTER (WHERE p.occurred_at > :recentFrom) AS recent,
                       count(*) FILTER (WHERE p.occurred_at <= :recentFrom AND p.occurred_at > :earlierFrom) AS earlier,
                       min(p.occurred_at) AS first_at
                FROM %4$s AS p
                WHERE {filter:p.contact_id} AND p.occurred_at <= :now AND p.kept_amount > 0
                GROUP BY p.contact_id
            ),
            customers AS (
                SELECT c.id AS contact_id, pu.recent, pu.earlier, pu.first_at
                FROM %2$s AS c
                LEFT JOIN pu ON pu.contact_id = c.id
                WHERE {filter:c.id} AND c.lifecycle_stage <> '%22$s' AND (c.lifecycle_stage IN %3$s OR pu.contact_id IS NOT NULL)
                  AND %23$s
            ),
            ia_rows AS (
                SELECT i.contact_id, i.occurred_at,
                       lag(i.occurred_at) OVER (PARTITION BY i.contact_id ORDER BY i.occurred_at) AS prev_at
                FROM %5$s AS i
                WHERE {filter:i.contact_id} AND i.occurred_at <= :now
            ),
            ia AS (
                SELECT contact_id, max(occurred_at) AS last_at,
                       count(*) FILTER (WHERE prev_at > :cadenceFrom) AS gaps,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM occurred_at - prev_at) / 86400)
                           FILTER (WHERE prev_at > :cadenceFrom) AS median_gap
                FROM ia_rows
                GROUP BY contact_id
            ),
            co AS (
                SELECT DISTINCT ON (k.contact_id) k.contact_id, k.severity, k.open
                FROM %6$s AS k
                WHERE {filter:k.contact_id} AND k.received_at <= :now AND (k.open OR k.received_at > :recentFrom)
                ORDER BY k.contact_id, %7$s * CASE WHEN k.open THEN 1 ELSE %8$s END DESC, k.open DESC, k.received_at DESC
            ),
            lv AS (
                SELECT DISTINCT ON (h.contact_id) h.contact_id, h.from_level, h.to_level
                FROM %9$s AS h
                WHERE {filter:h.contact_id} AND h.changed_at > :recentFrom AND h.changed_at <= :now AND %10$s > %11$s
                ORDER BY h.contact_id, %10$s - %11$s DESC, h.changed_at DESC
            ),
            pts AS (
                SELECT l.contact_id, COALESCE(sum(l.remaining) FILTER (WHERE l.expires_at <= :expiringUntil), 0) AS expiring,
                       sum(l.remaining) AS balance
                FROM %12$s AS l
                WHERE {filter:l.contact_id} AND l.expires_at > :now
                GROUP BY l.contact_id
            ),
            nps AS (%13$s),
            facts AS (
                SELECT c.contact_id,
                       CASE WHEN ia.last_at IS NOT NULL THEN floor(extract(epoch FROM CAST(:now AS timestamptz) - ia.last_at) / 86400)
                            WHEN c.first_at IS NOT NULL THEN floor(extract(epoch FROM CAST(:now AS timestamptz) - c.first_at) / 86400)
                       END::int AS days_quiet,
                       CASE WHEN ia.gaps >= 2 THEN GREATEST(1, round(CAST(ia.median_gap AS numeric)))::int
                            ELSE (SELECT default_cadence_days FROM policy) END AS usual_gap_days,
                       NOT COALESCE(ia.gaps >= 2, false) AS usual_gap_default,
                       COALESCE(c.recent, 0)::int AS recent_purchases, COALESCE(c.earlier, 0)::int AS earlier_purchases,
                       co.severity AS complaint_severity, co.open AS complaint_open,
                       CASE WHEN nps.score <= %14$s THEN nps.score END AS detractor_score,
                       lv.from_level AS level_from, lv.to_level AS level_to,
                       COALESCE(pts.expiring, 0)::bigint AS points_expiring, COALESCE(pts.balance, 0)::bigint AS points_balance
                FROM customers c
                LEFT JOIN ia ON ia.contact_id = c.contact_id
                LEFT JOIN co ON co.contact_id = c.contact_id
                LEFT JOIN lv ON lv.contact_id = c.contact_id
                LEFT JOIN pts ON pts.contact_id = c.contact_id
                LEFT JOIN nps ON nps.contact_id = c.contact_id
            ),
            signals AS (
                SELECT f.*, p.version AS policy_version, p.medium_threshold, p.high_threshold,
                       p.quiet_weight, p.purchase_drop_weight, p.complaint_weight, p.detractor_weight, p.level_down_weight,
                       p.expiring_points_weight,
                       CASE WHEN f.days_quiet IS NULL OR f.days_quiet <= f.usual_gap_days THEN 0
                            ELSE LEAST(1, round(CAST(f.days_quiet - f.usual_gap_days AS numeric) / (%15$s * f.usual_gap_days), 4))
                       END AS quiet,
                       CASE WHEN f.earlier_purchases = 0 THEN 0
                            ELSE GREATEST(0, round(CAST(f.earlier_purchases * %16$s - f.recent_purchases * %17$s AS numeric)
                                                   / (f.earlier_purchases * %16$s), 4))
                       END AS purchase_drop,
                       COALESCE(%18$s * CASE WHEN f.complaint_open THEN 1 ELSE %8$s END, 0) AS complaint,
                       CASE WHEN f.detractor_score IS NULL THEN 0 ELSE 1 END AS detractor,
                       CASE WHEN f.level_from IS NULL THEN 0 ELSE LEAST(1, (%19$s - %20$s) * %21$s) END AS level_down,
                       CASE WHEN f.points_balance = 0 THEN 0 ELSE round(CAST(f.points_expiring AS numeric) / f.points_balance, 4) END
                           AS expiring_points
                FROM facts f CROSS JOIN policy p
            ),
            scored AS (
                SELECT s.*, round(s.quiet * s.quiet_weight + s.purchase_drop * s.purchase_drop_weight + s.complaint * s.complaint_weight
                                  + s.detractor * s.detractor_weight + s.level_down * s.level_down_weight
                                  + s.expiring_points * s.expiring_points_weight)::int AS score
                FROM signals s
            ),
            final AS (
                SELECT s.*, CASE WHEN s.score >= s.high_threshold THEN 'HIGH' WHEN s.score >= s.medium_threshold THEN 'MEDIUM'
                                 ELSE 'LOW' END AS level
                FROM scored s
            )
            """;

    private static final String COLUMNS = """
            contact_id, score, level, quiet, purchase_drop, complaint, detractor, level_down, expiring_points, days_quiet,
            usual_gap_days, usual_gap_default, recent_purchases, earlier_purchases, complaint_severity, complaint_open,
            detractor_score, level_from, level_to, points_expiring, points_balance, policy_version""";

    private static final String WRITE = """
            WITH policy AS (SELECT * FROM churn_risk_policy WHERE version = :policyVersion),
            %1$s,
            written AS (
                INSERT INTO churn_risk (%2$s, computed_at)
                SELECT %2$s, CAST(:now AS timestamptz) FROM final
                ON CONFLICT (contact_id) DO UPDATE SET
                    score = EXCLUDED.score, level = EXCLUDED.level, quiet = EXCLUDED.quiet, purchase_drop = EXCLUDED.purchase_drop,
                    complaint = EXCLUDED.complaint, detractor = EXCLUDED.detractor, level_down = EXCLUDED.level_down,
                    expiring_points = EXCLUDED.expiring_points, days_quiet = EXCLUDED.days_quiet,
                    usual_gap_days = EXCLUDED.usual_gap_days, usual_gap_default = EXCLUDED.usual_gap_default,
                    recent_purchases = EXCLUDED.recent_purchases, earlier_purchases = EXCLUDED.earlier_purchases,
                    complaint_severity = EXCLUDED.complaint_severity, complaint_open = EXCLUDED.complaint_open,
                    detractor_score = EXCLUDED.detractor_score, level_from = EXCLUDED.level_from, level_to = EXCLUDED.level_to,
                    points_expiring = EXCLUDED.points_expiring, points_balance = EXCLUDED.points_balance,
                    policy_version = EXCLUDED.policy_version, computed_at = EXCLUDED.computed_at
                RETURNING level
            ),
            removed AS (
                DELETE FROM churn_risk r
                WHERE %3$s AND NOT EXISTS (SELECT 1 FROM final f WHERE f.contact_id = r.contact_id)
                RETURNING 1
            )
            SELECT count(*) AS customers,
                   count(*) FILTER (WHERE level = 'HIGH') AS high,
                   count(*) FILTER (WHERE level = 'MEDIUM') AS medium,
                   (SELECT count(*) FROM removed) AS removed
            FROM written
            """;

    /** A filter token of SCORES: the contact-id column it filters. */
    private static final Pattern FILTER = Pattern.compile("\\{filter:([a-z_.]+)}");

    /** All customers, and one customer (filter bound to :ids). */
    static final String WRITE_ALL = write(null);
    static final String WRITE_SOME = write(":ids");

    private static final String FACT_COLUMNS = """
            r.contact_id AS contact_id, r.score AS score, r.level AS level, r.quiet AS quiet, r.purchase_drop AS purchase_drop,
            r.complaint AS complaint, r.detractor AS detractor, r.level_down AS level_down, r.expiring_points AS expiring_points,
            r.days_quiet AS days_quiet, r.usual_gap_days AS usual_gap_days, r.usual_gap_default AS usual_gap_default,
            r.recent_purchases AS recent_purchases, r.earlier_purchases AS earlier_purchases,
            r.complaint_severity AS complaint_severity, r.complaint_open AS complaint_open, r.detractor_score AS detractor_score,
            r.level_from AS level_from, r.level_to AS level_to, r.points_expiring AS points_expiring,
            r.points_balance AS points_balance, r.policy_version AS policy_version, r.computed_at AS computed_at""";

    @Inject
    EntityManager em;

    /** The statement with each derived table filtered to the customers in :ids, or to all (null). */
    static String write(String idsParameter) {
        String scores = scores(idsParameter);
        return WRITE.formatted(scores, COLUMNS, filter("r.contact_id", idsParameter));
    }

    /** The scoring CTEs (after "policy"), for all customers or those in the parameter. */
    static String scores(String idsParameter) {
        String sql = SCORES.formatted("unused", ContactReadModel.ACTIVE_STAGES, CUSTOMER_STAGES_SQL,
                PurchaseReadModel.PURCHASES, InteractionReadModel.CONTACT_ACTIVITY, ComplaintReadModel.COMPLAINTS,
                severityWeightSql("k.severity"), ChurnRiskScoring.CLOSED_COMPLAINT_SHARE.toPlainString(),
                TierReadModel.LEVEL_CHANGES, levelRankSql("h.from_level"), levelRankSql("h.to_level"), LoyaltyReadModel.OPEN_LOTS,
                NPS_ANSWERS, ChurnRiskScoring.DETRACTOR_MAX, ChurnRiskScoring.QUIET_FULL_AT - 1,
                ChurnRiskScoring.RECENT_DAYS, ChurnRiskScoring.EARLIER_DAYS, severityWeightSql("f.complaint_severity"),
                levelRankSql("f.level_from"), levelRankSql("f.level_to"), ChurnRiskScoring.PER_LEVEL_DOWN.toPlainString(),
                LifecycleStage.CHURNED.name(),
                // A customer who objected to profiling (PIPL Art. 24) is not scored; the write removes their row.
                ConsentSql.allows(ConsentPurposes.PROFILING, "c.id", null));
        return FILTER.matcher(sql).replaceAll(m -> filter(m.group(1), idsParameter));
    }

    private static String filter(String column, String idsParameter) {
        return idsParameter == null ? "true" : column + " = ANY(CAST(string_to_array(" + idsParameter + ", ',') AS uuid[]))";
    }

    /** Writes the scores of every customer (ids null) or of those ids; returns customers written, HIGH, MEDIUM, removed. */
    Tuple write(List<UUID> ids, int policyVersion, int expiringWithinDays, Instant now) {
        Query query = em.createNativeQuery(ids == null ? WRITE_ALL : WRITE_SOME, Tuple.class);
        if (ids != null) {
            query.setParameter("ids", String.join(",", ids.stream().map(UUID::toString).toList()));
        }
        return Rows.one(bindTimes(query, policyVersion, expiringWithinDays, now));
    }

    static Query bindTimes(Query query, int policyVersion, int expiringWithinDays, Instant now) {
        return query.setParameter("policyVersion", policyVersion)
                .setParameter("now", now)
                .setParameter("recentFrom", now.minus(Duration.ofDays(ChurnRiskScoring.RECENT_DAYS)))
                .setParameter("earlierFrom", now.minus(Duration.ofDays(ChurnRiskScoring.RECENT_DAYS + ChurnRiskScoring.EARLIER_DAYS)))
                .setParameter("cadenceFrom", now.minus(Duration.ofDays(ChurnRiskScoring.CADENCE_DAYS)))
                .setParameter("expiringUntil", now.plus(Duration.ofDays(expiringWithinDays)));
    }

    /** Serialises full recomputes (one writer of a million rows at a time). */
    void lockForRecompute() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", 0x636875726e726563L).getSingleResult();
    }

    /** One customer's stored row, if the caller may see the customer and it is scored. */
    Optional<Tuple> find(UUID contactId, Visibility.Predicate visible) {
        return Rows.first(visible.bind(em.createNativeQuery("SELECT " + FACT_COLUMNS + "\n" + """
                 FROM churn_risk r JOIN %s AS c ON c.id = r.contact_id
                 WHERE r.contact_id = :id AND %s""".formatted(ContactReadModel.ACTIVE_PROFILES, visible.text()), Tuple.class))
                .setParameter("id", contactId));
    }

    private static final String LIST_FROM = """
             FROM churn_risk r JOIN %s AS c ON c.id = r.contact_id
             WHERE %%s AND (CAST(:level AS text) IS NULL OR r.level = CAST(:level AS text))
               AND (CAST(:owner AS uuid) IS NULL OR c.owner_id = CAST(:owner AS uuid))""".formatted(ContactReadModel.ACTIVE_PROFILES);

    /** A page of scored customers the caller may see, filtered by level and owner, in the given order. */
    List<Tuple> page(Visibility.Predicate visible, ChurnRiskLevel level, UUID owner, String orderBySql, int offset, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = visible.into(params);
        Query query = em.createNativeQuery("SELECT " + FACT_COLUMNS + ", c.name AS name, c.owner_id AS owner_id\n"
                + LIST_FROM.formatted(where) + " ORDER BY " + orderBySql + ", r.contact_id LIMIT :limit OFFSET :offset", Tuple.class);
        params.forEach(query::setParameter);
        return Rows.list(query.setParameter("level", level == null ? null : level.name()).setParameter("owner", owner)
                .setParameter("limit", size).setParameter("offset", offset));
    }

    long count(Visibility.Predicate visible, ChurnRiskLevel level, UUID owner) {
        Map<String, Object> params = new HashMap<>();
        String where = visible.into(params);
        Query query = em.createNativeQuery("SELECT count(*) AS n\n" + LIST_FROM.formatted(where), Tuple.class);
        params.forEach(query::setParameter);
        return Rows.longValue(Rows.one(query.setParameter("level", level == null ? null : level.name()).setParameter("owner", owner)),
                "n");
    }
}
