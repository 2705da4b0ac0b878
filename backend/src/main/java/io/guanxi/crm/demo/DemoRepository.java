package io.guanxi.crm.demo;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.user.UserReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo's set-based seeding SQL, run as the system at start when the demo is enabled: a few hundred
 * customers' purchases, leads, complaints and rewards in a handful of statements. Integrator-held
 * contacts are recognised through {@link UserReadModel#INTEGRATOR_IDS}.
 */
@ApplicationScoped
public class DemoRepository {

    @Inject
    EntityManager em;

    /** About 60 % of the customers (not those an integrator holds) get one to eight purchases over 18 months. */
    void insertPurchases(Instant now) {
        em.createNativeQuery("""
                INSERT INTO purchase (id, contact_id, amount, channel, items, occurred_at, recorded_by, created_at)
                SELECT gen_random_uuid(), c.id, a.amount,
                       (ARRAY['STORE', 'ONLINE', 'PHONE', 'WECHAT', 'EVENT'])[1 + (n + abs(hashtext(c.id::text))) %% 5],
                       jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (100 + n), 'category',
                           (ARRAY['培训课程', '软件订阅', '咨询服务', '硬件设备'])[1 + n %% 4], 'quantity', 1, 'price', a.amount)),
                       CAST(:now AS timestamptz) - make_interval(days => (abs(hashtext(c.id::text || n)) %% 540) + 1),
                       c.owner_id, CAST(:now AS timestamptz)
                FROM contact c
                CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(c.id::text || 'count')) %% 8) AS n
                CROSS JOIN LATERAL (SELECT round((60 * exp(power((abs(hashtext(c.id::text || n || 'amt')) %% 1000) / 1000.0, 2) * 7.5))::numeric, 2)
                                    AS amount) a
                WHERE abs(hashtext(c.id::text || 'customer')) %% 10 < 6
                  AND c.owner_id NOT IN (%s)""".formatted(UserReadModel.INTEGRATOR_IDS))
                .setParameter("now", now).executeUpdate();
    }

    /** Every 25th purchase is refunded in full, with its refund on record. */
    void refundEveryTwentyFifth() {
        em.createNativeQuery("""
                WITH picked AS (SELECT id, amount FROM purchase WHERE abs(hashtext(id::text)) % 25 = 0)
                UPDATE purchase p SET refunded_amount = picked.amount FROM picked WHERE p.id = picked.id""").executeUpdate();
        em.createNativeQuery("""
                INSERT INTO refund (id, purchase_id, amount, reason, occurred_at, recorded_by, created_at)
                SELECT gen_random_uuid(), id, refunded_amount, '客户退货', occurred_at + interval '3 days', recorded_by, created_at
                FROM purchase WHERE refunded_amount > 0""").executeUpdate();
    }

    /** About a quarter of the contacts get an open lead owned by their owner (scored afterwards). */
    void insertLeadsOfOwnedContacts(String products, Instant now) {
        em.createNativeQuery("""
                INSERT INTO lead (id, contact_id, source_channel, product_interest, industry, region, budget, status,
                                  owner_id, match_score, activity_count, activity_score, score, policy_version, scored_at,
                                  created_at, updated_at, assigned_at, assignment_kind, assignment_reason, contacted_at, qualified_at)
                SELECT gen_random_uuid(), c.id, COALESCE(c.source_channel, 'WEBSITE'),
                       (%s)[1 + abs(hashtext(c.id::text)) %% 5], c.industry, c.region,
                       (ARRAY[5000, 20000, 50000, 120000, 300000])[1 + abs(hashtext(c.id::text || 'budget')) %% 5],
                       s.status, c.owner_id, 0, 0, 0, 0, 1, :now, c.created_at, :now, :now, 'OWNER', NULL,
                       CASE WHEN s.status <> 'NEW' THEN f.contacted END,
                       CASE WHEN s.status = 'QUALIFIED' THEN LEAST(CAST(:now AS timestamptz), f.contacted + interval '5 days') END
                FROM contact c
                CROSS JOIN LATERAL (SELECT (ARRAY['NEW', 'CONTACTED', 'QUALIFIED'])[1 + abs(hashtext(c.id::text || 'status')) %% 3] AS status) s
                -- First contact 1 to 72 hours after the lead came in: some reps call within a day, some do not.
                CROSS JOIN LATERAL (SELECT LEAST(CAST(:now AS timestamptz), c.created_at
                                    + make_interval(hours => 1 + abs(hashtext(c.id::text || 'first')) %% 72)) AS contacted) f
                WHERE abs(hashtext(c.id::text)) %% 4 = 0 AND c.archived_at IS NULL""".formatted(products))
                .setParameter("now", now).executeUpdate();
    }

    /** Twenty website prospects held by the integrator, each with a NEW lead waiting in the potential queue. */
    void insertWebsiteProspects(String products, UUID integrator, Instant now) {
        em.createNativeQuery("""
                WITH prospect AS (
                    INSERT INTO contact (id, name, name_pinyin, name_initials, mobile, source_channel, region, industry,
                                         lifecycle_stage, owner_id, completeness, marketing_consent, created_at, updated_at)
                    SELECT gen_random_uuid(), '网站访客' || n, 'wangzhanfangke' || n, 'wzfk', '1770000' || lpad(n::text, 4, '0'),
                           'WEBSITE', (ARRAY['EAST', 'NORTH', 'SOUTH', 'CENTRAL'])[1 + n %% 4],
                           (ARRAY['科技', '制造', '零售', '教育'])[1 + n %% 4], 'POTENTIAL', :integrator, 20, true,
                           CAST(:now AS timestamptz) - make_interval(hours => n), CAST(:now AS timestamptz) - make_interval(hours => n)
                    FROM generate_series(1, 20) AS n
                    RETURNING id, region, industry, created_at)
                INSERT INTO lead (id, contact_id, source_channel, product_interest, industry, region, budget, status,
                                  match_score, activity_count, activity_score, score, policy_version, scored_at,
                                  created_at, updated_at, assignment_kind, assignment_reason)
                SELECT gen_random_uuid(), p.id, 'WEBSITE', (%s)[1 + abs(hashtext(p.id::text)) %% 5], p.industry, p.region,
                       (ARRAY[20000, 120000, 300000])[1 + abs(hashtext(p.id::text || 'b')) %% 3], 'NEW',
                       0, 0, 0, 0, 1, :now, p.created_at, :now, 'POTENTIAL_QUEUE', NULL
                FROM prospect p""".formatted(products))
                .setParameter("integrator", integrator).setParameter("now", now).executeUpdate();
    }

    /** Unassigned leads that scored into the priority band wait in the priority queue. */
    void queueHighScorers() {
        em.createNativeQuery("""
                UPDATE lead SET assignment_kind = 'PRIORITY_QUEUE'
                WHERE owner_id IS NULL AND score >= 80""").executeUpdate();
    }

    /** A dozen complaints spread over the steps before the follow-up, each with its intake on record. */
    void insertComplaints(Instant now) {
        em.createNativeQuery("""
                WITH agent AS (SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'SERVICE_AGENT'
                               ORDER BY u.username LIMIT 1),
                picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contact
                           WHERE owner_id NOT IN (%s) LIMIT 12),
                made AS (
                    INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, assignee_id,
                                           acknowledgement, apology, attributed_cause, cause_explanation, options,
                                           received_at, acknowledged_at, acknowledge_due_at, resolve_due_at,
                                           created_by, created_at, updated_at)
                    SELECT gen_random_uuid(), p.id,
                           (ARRAY['HOTLINE', 'ONLINE', 'SOCIAL_MEDIA', 'EMAIL', 'IN_PERSON', 'WECHAT'])[1 + p.n %% 6],
                           (ARRAY['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'])[1 + p.n %% 5],
                           s.severity,
                           (ARRAY['订购的教材晚到一周，耽误开课', '设备到货后无法开机', '客服电话多次无人接听', '发票金额与合同不符',
                                  '培训讲师临时更换未通知'])[1 + p.n %% 5],
                           st.state, (SELECT id FROM agent),
                           CASE WHEN st.state <> 'RECEIVED' THEN '非常理解您的着急，我来跟进。' END,
                           CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') THEN '非常抱歉给您带来不便。' END,
                           CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED')
                                THEN (ARRAY['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'])[1 + p.n %% 5] END,
                           CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') THEN '合作方环节出现延误。' END,
                           CASE WHEN st.state = 'SOLUTIONS_OFFERED' THEN ARRAY['全额退款', '加急补发', '100 元代金券'] END,
                           r.received, CASE WHEN st.state <> 'RECEIVED' THEN r.received + interval '20 minutes' END,
                           r.received + make_interval(mins => sla.acknowledge_minutes),
                           r.received + make_interval(mins => sla.resolve_minutes),
                           (SELECT id FROM agent), r.received, r.received
                    FROM picked p
                    CROSS JOIN LATERAL (SELECT (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + p.n %% 4] AS severity) s
                    CROSS JOIN LATERAL (SELECT (ARRAY['RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED'])[1 + p.n %% 4]
                                        AS state) st
                    CROSS JOIN LATERAL (SELECT CAST(:now AS timestamptz) - make_interval(mins => (p.n * 233)::int) AS received) r
                    JOIN complaint_sla_policy sla ON sla.severity = s.severity
                    RETURNING id, description, received_at, created_by)
                INSERT INTO complaint_event (complaint_id, action, to_state, text, actor_id, at)
                SELECT id, 'RECEIVE', 'RECEIVED', description, created_by, received_at FROM made""".formatted(UserReadModel.INTEGRATOR_IDS))
                .setParameter("now", now).executeUpdate();
    }

    void insertReward(UUID id, Object[] reward, UUID by, Instant now) {
        em.createNativeQuery("""
                INSERT INTO reward (id, name, description, kind, points_cost, stock, level_required, created_at, created_by, updated_at)
                VALUES (:id, :name, :description, :kind, :cost, CAST(:stock AS int), CAST(:level AS varchar), :now, :by, :now)""")
                .setParameter("id", id).setParameter("name", reward[0]).setParameter("description", reward[5])
                .setParameter("kind", reward[1]).setParameter("cost", reward[2]).setParameter("stock", reward[3])
                .setParameter("level", reward[4]).setParameter("now", now).setParameter("by", by).executeUpdate();
    }

    /** Purchases never refunded, by customer and time: contact_id, id, amount, occurred_at. */
    List<Tuple> keptPurchases() {
        return Rows.list(em.createNativeQuery("""
                SELECT contact_id AS contact_id, id AS id, amount AS amount, occurred_at AS occurred_at FROM purchase
                WHERE refunded_amount = 0 ORDER BY contact_id, occurred_at""", Tuple.class));
    }

    /** About a third of the customers whose balance affords a reward of this cost. */
    List<UUID> someWhoCanAfford(int points) {
        return em.createNativeQuery("""
                SELECT contact_id FROM loyalty_account WHERE balance >= :points AND abs(hashtext(contact_id::text || 'redeem')) % 3 = 0""",
                UUID.class).setParameter("points", points).getResultList().stream().map(UUID.class::cast).toList();
    }

    /** A completed redemption of one unit, paid by this ledger entry, taken from the reward's stock. */
    void insertRedemption(UUID id, UUID contact, UUID reward, int points, long entry, UUID by, Instant at) {
        em.createNativeQuery("""
                INSERT INTO redemption (id, contact_id, reward_id, quantity, points, state, entry_id, created_by, created_at)
                VALUES (:id, :c, :reward, 1, :points, 'COMPLETED', :entry, :by, :at)""")
                .setParameter("id", id).setParameter("c", contact).setParameter("reward", reward).setParameter("points", points)
                .setParameter("entry", entry).setParameter("by", by).setParameter("at", at).executeUpdate();
        em.createNativeQuery("UPDATE reward SET stock = stock - 1 WHERE id = :id").setParameter("id", reward).executeUpdate();
    }

    /** Customers (PURCHASE or LOYALTY) that reps own, in a stable order: the demo churns the first of them last month. */
    List<UUID> customersToChurn(int count) {
        return Rows.list(em.createNativeQuery("""
                SELECT c.id AS id FROM contact c
                WHERE c.lifecycle_stage IN ('PURCHASE', 'LOYALTY') AND c.archived_at IS NULL AND c.owner_id NOT IN (%s)
                ORDER BY abs(hashtext(c.id::text || 'churn')), c.id LIMIT :count""".formatted(UserReadModel.INTEGRATOR_IDS), Tuple.class)
                .setParameter("count", count)).stream().map(r -> Rows.uuid(r, "id")).toList();
    }
    /**
     * NPS answers of about a third of the buying customers, one each, spread over the last six months (so
     * NPS reads by month), scores skewed to promoters with some detractors; invitation and answer as the
     * survey feature records them (a sent invitation answered a day later).
     */
    int insertNpsAnswers(Instant now) {
        return em.createNativeQuery("""
                WITH policy AS (SELECT max(version) AS version FROM survey_policy),
                picked AS (SELECT c.id, c.owner_id, abs(hashtext(c.id::text || 'nps')) AS h FROM contact c
                           WHERE c.lifecycle_stage IN ('PURCHASE', 'LOYALTY') AND c.owner_id NOT IN (%s)
                             AND abs(hashtext(c.id::text || 'nps')) %% 3 = 0),
                invited AS (
                    INSERT INTO survey_invitation (id, token, contact_id, template, trigger, policy_version, created_at, expires_at,
                                                   sent_at, sent_by, sent_channel)
                    SELECT gen_random_uuid(), replace(gen_random_uuid()::text, '-', ''), p.id, 'NPS', 'PERIODIC', policy.version,
                           CAST(:now AS timestamptz) - make_interval(days => 2 + p.h %% 180),
                           CAST(:now AS timestamptz) - make_interval(days => 2 + p.h %% 180) + interval '14 days',
                           CAST(:now AS timestamptz) - make_interval(days => 2 + p.h %% 180), p.owner_id, 'WECHAT'
                    FROM picked p CROSS JOIN policy
                    RETURNING id, contact_id, created_at)
                INSERT INTO survey_answer (invitation_id, contact_id, template, score, comment, answered_at)
                SELECT i.id, i.contact_id, 'NPS', (ARRAY[10, 9, 9, 10, 8, 7, 9, 6, 3, 10, 8, 5])[1 + abs(hashtext(i.id::text)) %% 12],
                       NULL, i.created_at + interval '1 day'
                FROM invited i""".formatted(UserReadModel.INTEGRATOR_IDS)).setParameter("now", now).executeUpdate();
    }
}
