package io.guanxi.crm.survey;

import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentSql;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations, answers and the per-customer gate; the NPS figures. All the survey feature's SQL. */
@ApplicationScoped
public class SurveyRepository {

    /** The customer (p) agreed to surveys: the SURVEY purpose of the consent ledger, the profile's tick counting without an answer. */
    static final String SURVEY_CONSENT = ConsentSql.allows(ConsentPurposes.SURVEY, "p.id", "p.marketing_consent");

    @Inject
    EntityManager em;

    /** An invitation to make, with its id and token already drawn. */
    record Candidate(UUID id, UUID contactId, String token, SurveyTemplate template, UUID sourceId) {
    }

    /**
     * Makes the invitations of the candidates who are not archived, agreed to be contacted, and have had no
     * invitation within the policy's period: the gate row is claimed by one conditional upsert, so two concurrent
     * attempts for the same customer make one invitation. Returns the ids made. Candidates name distinct customers.
     */
    List<UUID> issue(List<Candidate> candidates, SurveyTrigger trigger, SurveyPolicy policy, UUID createdBy, Instant now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return Rows.list(em.createNativeQuery("""
                WITH cand AS (
                    SELECT x.id AS id, x.contact_id AS contact_id, x.token AS token, x.template AS template, x.source_id AS source_id
                    FROM unnest(CAST(CAST(:ids AS text[]) AS uuid[]), CAST(CAST(:contacts AS text[]) AS uuid[]), CAST(:tokens AS text[]),
                                CAST(:templates AS text[]), CAST(CAST(:sources AS text[]) AS uuid[]))
                         AS x(id, contact_id, token, template, source_id)
                    JOIN %s AS p ON p.id = x.contact_id
                    WHERE %s AND NOT p.archived
                ), gate AS (
                    INSERT INTO survey_gate (contact_id, last_invited_at)
                    SELECT c.contact_id, :now FROM cand c
                    ON CONFLICT (contact_id) DO UPDATE SET last_invited_at = EXCLUDED.last_invited_at
                    WHERE survey_gate.last_invited_at <= :blockedSince
                    RETURNING contact_id
                )
                INSERT INTO survey_invitation (id, token, contact_id, template, trigger, source_id, policy_version, created_at,
                                               created_by, expires_at)
                SELECT c.id, c.token, c.contact_id, c.template, :trigger, c.source_id, :version, :now,
                       CAST(NULLIF(:createdBy, '') AS uuid), :expiresAt
                FROM cand c JOIN gate g ON g.contact_id = c.contact_id
                RETURNING id AS id""".formatted(ContactReadModel.REACH, SURVEY_CONSENT), Tuple.class)
                .setParameter("ids", candidates.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .setParameter("contacts", candidates.stream().map(c -> c.contactId().toString()).toArray(String[]::new))
                .setParameter("tokens", candidates.stream().map(Candidate::token).toArray(String[]::new))
                .setParameter("templates", candidates.stream().map(c -> c.template().name()).toArray(String[]::new))
                .setParameter("sources", candidates.stream().map(c -> c.sourceId() == null ? null : c.sourceId().toString())
                        .toArray(String[]::new))
                .setParameter("now", now)
                .setParameter("blockedSince", now.minus(policy.minDaysBetween, ChronoUnit.DAYS))
                .setParameter("trigger", trigger.name())
                .setParameter("version", policy.version)
                .setParameter("createdBy", createdBy == null ? "" : createdBy.toString())
                .setParameter("expiresAt", now.plus(policy.expiryDays, ChronoUnit.DAYS)))
                .stream().map(r -> Rows.uuid(r, "id")).toList();
    }

    /** Why a customer cannot be invited now: consent, archived, and when they were last invited. */
    Optional<Tuple> reach(UUID contactId) {
        return Rows.first(em.createNativeQuery("""
                SELECT %s AS survey_consent, p.archived AS archived, g.last_invited_at AS last_invited_at
                FROM %s AS p LEFT JOIN survey_gate g ON g.contact_id = p.id
                WHERE p.id = :id""".formatted(SURVEY_CONSENT, ContactReadModel.REACH), Tuple.class).setParameter("id", contactId));
    }

    /** Customers due for the periodic relationship survey: bought, agreed, not archived, not asked within the periods. */
    List<UUID> periodicCandidates(SurveyPolicy policy, Instant periodicSince, Instant now, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT p.id AS contact_id
                FROM %s AS p JOIN %s AS s ON s.contact_id = p.id
                WHERE %s AND NOT p.archived
                  AND NOT EXISTS (SELECT 1 FROM survey_invitation i
                                  WHERE i.contact_id = p.id AND i.trigger = 'PERIODIC' AND i.created_at > :periodicSince)
                  AND NOT EXISTS (SELECT 1 FROM survey_gate g WHERE g.contact_id = p.id AND g.last_invited_at > :blockedSince)
                ORDER BY p.id
                LIMIT :limit""".formatted(ContactReadModel.REACH, TierReadModel.SEGMENTS, SURVEY_CONSENT), Tuple.class)
                .setParameter("periodicSince", periodicSince)
                .setParameter("blockedSince", now.minus(policy.minDaysBetween, ChronoUnit.DAYS))
                .setParameter("limit", limit))
                .stream().map(r -> Rows.uuid(r, "contact_id")).toList();
    }

    private static final String INVITATION_COLUMNS = """
            i.id AS id, i.token AS token, i.contact_id AS contact_id, i.template AS template, i.trigger AS trigger,
            i.created_at AS created_at, i.expires_at AS expires_at, i.sent_at AS sent_at, i.sent_channel AS sent_channel,
            a.score AS score, a.comment AS comment, a.answered_at AS answered_at""";

    /** A customer's invitations with their answers, newest first. */
    List<Tuple> history(UUID contactId, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT %s
                FROM survey_invitation i LEFT JOIN survey_answer a ON a.invitation_id = i.id
                WHERE i.contact_id = :contactId
                ORDER BY i.created_at DESC, i.id DESC
                LIMIT :limit""".formatted(INVITATION_COLUMNS), Tuple.class)
                .setParameter("contactId", contactId).setParameter("limit", limit));
    }

    Optional<Tuple> invitation(UUID id) {
        return Rows.first(em.createNativeQuery("""
                SELECT %s
                FROM survey_invitation i LEFT JOIN survey_answer a ON a.invitation_id = i.id
                WHERE i.id = :id""".formatted(INVITATION_COLUMNS), Tuple.class).setParameter("id", id));
    }

    private static final String PENDING = """
            FROM survey_invitation i JOIN %s AS p ON p.id = i.contact_id
            WHERE i.sent_at IS NULL AND i.expires_at > :now AND NOT p.archived
              AND NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.invitation_id = i.id)""".formatted(ContactReadModel.REACH);

    /** Invitations waiting to be delivered (oldest first), with where to reach the customer. */
    List<Tuple> pending(Instant now, int offset, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT i.id AS id, i.token AS token, i.contact_id AS contact_id, i.template AS template, i.trigger AS trigger,
                       i.created_at AS created_at, i.expires_at AS expires_at, p.name AS name, p.mobile AS mobile,
                       p.wechat_id AS wechat_id, p.preferred_channel AS preferred_channel
                %s
                ORDER BY i.created_at, i.id
                OFFSET :offset LIMIT :limit""".formatted(PENDING), Tuple.class)
                .setParameter("now", now).setParameter("offset", offset).setParameter("limit", limit));
    }

    long countPending(Instant now) {
        return SqlValues.longValue(em.createNativeQuery("SELECT count(*) " + PENDING).setParameter("now", now).getSingleResult());
    }

    /** Marks the invitation sent unless it already is (the first delivery is kept); false when there is no such invitation. */
    boolean markSent(UUID id, String channel, UUID by, Instant now) {
        em.createNativeQuery("""
                UPDATE survey_invitation SET sent_at = :now, sent_by = :by, sent_channel = :channel
                WHERE id = :id AND sent_at IS NULL""")
                .setParameter("now", now).setParameter("by", by).setParameter("channel", channel).setParameter("id", id)
                .executeUpdate();
        return !em.createNativeQuery("SELECT 1 FROM survey_invitation WHERE id = :id").setParameter("id", id).getResultList().isEmpty();
    }

    /** The invitation a token names, for the public page: its template and state, and the customer's name while not archived. */
    Optional<Tuple> byToken(String token) {
        return Rows.first(em.createNativeQuery("""
                SELECT i.id AS id, i.contact_id AS contact_id, i.template AS template, i.expires_at AS expires_at,
                       p.name AS name, p.archived AS archived, p.owner_id AS owner_id,
                       EXISTS (SELECT 1 FROM survey_answer a WHERE a.invitation_id = i.id) AS answered
                FROM survey_invitation i JOIN %s AS p ON p.id = i.contact_id
                WHERE i.token = :token""".formatted(ContactReadModel.REACH), Tuple.class).setParameter("token", token));
    }

    /** Records the answer unless the invitation has one or has expired: the primary key decides between concurrent answers. */
    boolean answer(UUID invitationId, int score, String comment, Instant now) {
        return !em.createNativeQuery("""
                INSERT INTO survey_answer (invitation_id, contact_id, template, score, comment, answered_at)
                SELECT i.id, i.contact_id, i.template, :score, NULLIF(:comment, ''), :now
                FROM survey_invitation i
                WHERE i.id = :id AND i.expires_at > :now
                ON CONFLICT (invitation_id) DO NOTHING
                RETURNING invitation_id""")
                .setParameter("score", score).setParameter("comment", comment == null ? "" : comment)
                .setParameter("now", now).setParameter("id", invitationId)
                .getResultList().isEmpty();
    }

    /** What NPS figures are grouped by. */
    enum Grouping {
        ALL("'ALL'"),
        MONTH("to_char(a.answered_at AT TIME ZONE :zone, 'YYYY-MM')"),
        TIER("coalesce(s.abc_tier, 'NONE')"),
        OWNER("CAST(c.owner_id AS text)");

        final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /** Promoters, passives and detractors among the visible NPS answers in [from, to), per group. */
    List<Tuple> npsCounts(Grouping grouping, Instant from, Instant to, String zone, Visibility.Predicate visible) {
        var query = em.createNativeQuery("""
                SELECT %1$s AS group_key,
                       count(*) FILTER (WHERE a.score >= %2$d) AS promoters,
                       count(*) FILTER (WHERE a.score > %3$d AND a.score < %2$d) AS passives,
                       count(*) FILTER (WHERE a.score <= %3$d) AS detractors
                FROM survey_answer a JOIN %4$s AS c ON c.id = a.contact_id
                     LEFT JOIN %5$s AS s ON s.contact_id = a.contact_id
                WHERE a.template = 'NPS' AND a.answered_at >= :from AND a.answered_at < :to AND %6$s
                GROUP BY 1
                ORDER BY 1""".formatted(grouping.key, Nps.PROMOTER_MIN, Nps.DETRACTOR_MAX, ContactReadModel.CONTACTS,
                TierReadModel.SEGMENTS, visible.text()), Tuple.class)
                .setParameter("from", from).setParameter("to", to);
        if (grouping == Grouping.MONTH) {
            query.setParameter("zone", zone);
        }
        return Rows.list(visible.bind(query));
    }

    private static final String ANSWERS = """
            FROM survey_answer a JOIN survey_invitation i ON i.id = a.invitation_id
                 JOIN %s AS c ON c.id = a.contact_id
            WHERE %%s""".formatted(ContactReadModel.REACH);

    /** The visible answers, newest first. */
    List<Tuple> answers(Visibility.Predicate visible, int offset, int limit) {
        return Rows.list(visible.bind(em.createNativeQuery("""
                SELECT a.invitation_id AS invitation_id, a.contact_id AS contact_id, c.name AS name, c.owner_id AS owner_id,
                       a.template AS template, i.trigger AS trigger, a.score AS score, a.comment AS comment, a.answered_at AS answered_at
                %s
                ORDER BY a.answered_at DESC, a.invitation_id DESC
                OFFSET :offset LIMIT :limit""".formatted(ANSWERS.formatted(visible.text())), Tuple.class))
                .setParameter("offset", offset).setParameter("limit", limit));
    }

    long countAnswers(Visibility.Predicate visible) {
        return SqlValues.longValue(visible.bind(em.createNativeQuery("SELECT count(*) " + ANSWERS.formatted(visible.text())))
                .getSingleResult());
    }
}
