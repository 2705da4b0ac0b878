package io.guanxi.crm.demo;

import io.guanxi.crm.lead.LeadRescoring;
import io.guanxi.crm.lead.ScoreCause;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Demo leads: about a quarter of the demo contacts get an open lead owned by their rep, and twenty
 * website-form prospects held by the demo integrator wait unassigned in the queues, so the lead inbox,
 * the queues and the claim flow have something to show. Scored by the real rescoring statement.
 */
@ApplicationScoped
public class DemoLeads {

    private static final String PRODUCTS = "ARRAY['企业培训课程', 'CRM 软件订阅', '年度咨询服务', '智能仓储方案', '会员营销套餐']";

    @Inject
    EntityManager em;

    @Inject
    LeadRescoring rescoring;

    @Inject
    Clock clock;

    public void seed(UUID integrator) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            em.createNativeQuery("""
                    INSERT INTO lead (id, contact_id, source_channel, product_interest, industry, region, budget, status,
                                      owner_id, match_score, activity_count, activity_score, score, policy_version, scored_at,
                                      created_at, updated_at, assigned_at, assignment_kind, assignment_reason)
                    SELECT gen_random_uuid(), c.id, COALESCE(c.source_channel, 'WEBSITE'),
                           (%s)[1 + abs(hashtext(c.id::text)) %% 5], c.industry, c.region,
                           (ARRAY[5000, 20000, 50000, 120000, 300000])[1 + abs(hashtext(c.id::text || 'budget')) %% 5],
                           (ARRAY['NEW', 'CONTACTED', 'QUALIFIED'])[1 + abs(hashtext(c.id::text || 'status')) %% 3],
                           c.owner_id, 0, 0, 0, 0, 1, :now, c.created_at, :now, :now, 'OWNER', NULL
                    FROM contact c
                    WHERE abs(hashtext(c.id::text)) %% 4 = 0 AND c.archived_at IS NULL""".formatted(PRODUCTS))
                    .setParameter("now", now).executeUpdate();
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
                    FROM prospect p""".formatted(PRODUCTS))
                    .setParameter("integrator", integrator).setParameter("now", now).executeUpdate();
            rescoring.rescoreAllOpen(1, ScoreCause.CREATED, now);
            em.createNativeQuery("""
                    UPDATE lead SET assignment_kind = 'PRIORITY_QUEUE'
                    WHERE owner_id IS NULL AND score >= 80""").executeUpdate();
        });
    }
}
