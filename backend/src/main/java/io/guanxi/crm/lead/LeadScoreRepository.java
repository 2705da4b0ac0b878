package io.guanxi.crm.lead;

import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentSql;
import io.guanxi.crm.interaction.InteractionReadModel;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The set-based score SQL of {@link LeadRescoring}: one statement computes match points from the
 * policy's JSON rules, counts interactions in the window (through the interaction feature's published
 * {@link InteractionReadModel#CONTACT_ACTIVITY}), updates only leads whose score inputs changed and
 * records a history row for every score that moved; the preview runs the same definition over a
 * candidate policy and writes nothing.
 */
@ApplicationScoped
public class LeadScoreRepository {

    /** The score of every selected open lead under the CTE "policy": one definition for writing and previewing. */
    private static final String SCORES = """
            inputs AS (
                SELECT l.id, l.score AS old_score,
                       -- A customer who objected to profiling (PIPL Art. 24) is not scored: every input counts 0.
                       CASE WHEN %3$s THEN 0 ELSE LEAST(100, COALESCE((
                           SELECT sum((rule ->> 'points')::int)
                           FROM jsonb_array_elements(p.match_rules) AS rule
                           WHERE CASE rule ->> 'field'
                                     WHEN 'SOURCE' THEN l.source_channel = rule ->> 'value'
                                     WHEN 'REGION' THEN l.region = rule ->> 'value'
                                     WHEN 'INDUSTRY' THEN l.industry = rule ->> 'value'
                                     WHEN 'PRODUCT_INTEREST' THEN l.product_interest = rule ->> 'value'
                                     WHEN 'BUDGET_AT_LEAST' THEN l.budget >= (rule ->> 'value')::numeric
                                     ELSE false END), 0))::int END AS match_score,
                       CASE WHEN %3$s THEN 0 ELSE (SELECT count(*) FROM %2$s i
                        WHERE i.contact_id = l.contact_id
                          AND i.occurred_at > CAST(:now AS timestamptz) - make_interval(days => p.activity_window_days)
                          AND i.occurred_at <= CAST(:now AS timestamptz))::int END AS activity_count,
                       p.version, p.points_per_interaction, p.activity_cap, p.match_weight, p.activity_weight
                FROM lead l CROSS JOIN policy p
                WHERE l.status IN %s AND (:allLeads OR l.id = ANY(CAST(string_to_array(:ids, ',') AS uuid[])))
            ),
            scored AS (
                SELECT id, old_score, match_score, activity_count, version,
                       LEAST(activity_cap, activity_count * points_per_interaction) AS activity_score,
                       match_weight, activity_weight
                FROM inputs
            ),
            final AS (
                SELECT id, old_score, match_score, activity_count, activity_score, version,
                       round(match_score * match_weight + activity_score * activity_weight, 2) AS score
                FROM scored
            )
            """.formatted(LeadStatus.OPEN_SQL, InteractionReadModel.CONTACT_ACTIVITY,
                    ConsentSql.refuses(ConsentPurposes.PROFILING, "l.contact_id", null));

    private static final String RESCORE = "WITH policy AS (SELECT * FROM lead_scoring_policy WHERE version = :policyVersion),\n"
            + SCORES + """
            , changed AS (
                UPDATE lead l
                SET match_score = f.match_score, activity_count = f.activity_count, activity_score = f.activity_score,
                    score = f.score, policy_version = f.version, scored_at = :now
                FROM final f
                WHERE l.id = f.id
                  -- Only rows whose stored numbers move: a lead whose numbers a new policy leaves as they are keeps
                  -- its row (and the version it names), see Lead.scoredUnder.
                  AND (:alwaysRecord OR (l.match_score, l.activity_count, l.activity_score, l.score)
                      IS DISTINCT FROM (f.match_score, f.activity_count, f.activity_score, f.score))
                RETURNING l.id, l.score, l.match_score, l.activity_count, l.policy_version, f.old_score
            )
            INSERT INTO lead_score_history (lead_id, score, match_score, activity_count, policy_version, cause, changed_at)
            SELECT id, score, match_score, activity_count, policy_version, :cause, :now
            FROM changed WHERE :alwaysRecord OR score <> old_score
            -- In index order: the history index's pages are touched once each, not once per row at random.
            ORDER BY id
            """;

    /** A candidate policy given inline, compared with the scores and thresholds in force; writes nothing. */
    private static final String PREVIEW = """
            WITH policy AS (
                SELECT CAST(:rules AS jsonb) AS match_rules, CAST(:windowDays AS int) AS activity_window_days,
                       CAST(:perInteraction AS int) AS points_per_interaction, CAST(:cap AS int) AS activity_cap,
                       CAST(:matchWeight AS numeric) AS match_weight, CAST(:activityWeight AS numeric) AS activity_weight,
                       0 AS version),
            """ + SCORES + """
            SELECT count(*) AS leads,
                   count(*) FILTER (WHERE score <> old_score) AS changed,
                   count(*) FILTER (WHERE old_score >= :oldPriority) AS priority_before,
                   count(*) FILTER (WHERE score >= :newPriority) AS priority_after,
                   count(*) FILTER (WHERE old_score < :oldPriority AND score >= :newPriority) AS priority_gained,
                   count(*) FILTER (WHERE old_score >= :oldPriority AND score < :newPriority) AS priority_lost,
                   count(*) FILTER (WHERE old_score >= :oldHighValue) AS high_value_before,
                   count(*) FILTER (WHERE score >= :newHighValue) AS high_value_after,
                   count(*) FILTER (WHERE old_score < :oldHighValue AND score >= :newHighValue) AS high_value_gained,
                   count(*) FILTER (WHERE old_score >= :oldHighValue AND score < :newHighValue) AS high_value_lost
            FROM final
            """;

    @Inject
    EntityManager em;

    /** A candidate policy, as the preview statement takes it (match rules as JSON). */
    record Candidate(String matchRulesJson, int activityWindowDays, int pointsPerInteraction, int activityCap,
            BigDecimal matchWeight, BigDecimal activityWeight, int priorityThreshold, int highValueThreshold) {
    }

    /** Rescores the open leads with these ids (comma-separated), or all open leads; returns the history rows written. */
    int rescore(boolean allLeads, String ids, int policyVersion, ScoreCause cause, Instant now) {
        return em.createNativeQuery(RESCORE)
                .setParameter("policyVersion", policyVersion)
                .setParameter("now", now)
                .setParameter("allLeads", allLeads)
                .setParameter("ids", ids)
                .setParameter("alwaysRecord", cause == ScoreCause.CREATED)
                .setParameter("cause", cause.name())
                .executeUpdate();
    }

    /** The preview's counts over every open lead (columns as PREVIEW names them). */
    Tuple preview(Candidate candidate, int oldPriority, int oldHighValue, Instant now) {
        return Rows.one(em.createNativeQuery(PREVIEW, Tuple.class)
                .setParameter("rules", candidate.matchRulesJson())
                .setParameter("windowDays", candidate.activityWindowDays())
                .setParameter("perInteraction", candidate.pointsPerInteraction())
                .setParameter("cap", candidate.activityCap())
                .setParameter("matchWeight", candidate.matchWeight())
                .setParameter("activityWeight", candidate.activityWeight())
                .setParameter("now", now)
                .setParameter("allLeads", true)
                .setParameter("ids", "")
                .setParameter("oldPriority", oldPriority)
                .setParameter("newPriority", candidate.priorityThreshold())
                .setParameter("oldHighValue", oldHighValue)
                .setParameter("newHighValue", candidate.highValueThreshold()));
    }
}
