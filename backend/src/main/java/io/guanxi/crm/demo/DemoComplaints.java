package io.guanxi.crm.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * Demo complaints for the service agent: a dozen customers' complaints spread over the steps before the
 * follow-up, received over the last two days (some past their SLA, which the first scan flags and
 * escalates), each with its intake on record.
 */
@ApplicationScoped
public class DemoComplaints {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    WITH agent AS (SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'SERVICE_AGENT'
                                   ORDER BY u.username LIMIT 1),
                    picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contact
                               WHERE owner_id NOT IN (SELECT user_id FROM app_user_role WHERE role = 'INTEGRATOR') LIMIT 12),
                    made AS (
                        INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, assignee_id,
                                               acknowledgement, apology, attributed_cause, cause_explanation, options,
                                               received_at, acknowledged_at, acknowledge_due_at, resolve_due_at,
                                               created_by, created_at, updated_at)
                        SELECT gen_random_uuid(), p.id,
                               (ARRAY['HOTLINE', 'ONLINE', 'SOCIAL_MEDIA', 'EMAIL', 'IN_PERSON', 'WECHAT'])[1 + p.n % 6],
                               (ARRAY['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'])[1 + p.n % 5],
                               s.severity,
                               (ARRAY['订购的教材晚到一周，耽误开课', '设备到货后无法开机', '客服电话多次无人接听', '发票金额与合同不符',
                                      '培训讲师临时更换未通知'])[1 + p.n % 5],
                               st.state, (SELECT id FROM agent),
                               CASE WHEN st.state <> 'RECEIVED' THEN '非常理解您的着急，我来跟进。' END,
                               CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') THEN '非常抱歉给您带来不便。' END,
                               CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED')
                                    THEN (ARRAY['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'])[1 + p.n % 5] END,
                               CASE WHEN st.state IN ('CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') THEN '合作方环节出现延误。' END,
                               CASE WHEN st.state = 'SOLUTIONS_OFFERED' THEN ARRAY['全额退款', '加急补发', '100 元代金券'] END,
                               r.received, CASE WHEN st.state <> 'RECEIVED' THEN r.received + interval '20 minutes' END,
                               r.received + make_interval(mins => sla.acknowledge_minutes),
                               r.received + make_interval(mins => sla.resolve_minutes),
                               (SELECT id FROM agent), r.received, r.received
                        FROM picked p
                        CROSS JOIN LATERAL (SELECT (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + p.n % 4] AS severity) s
                        CROSS JOIN LATERAL (SELECT (ARRAY['RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED'])[1 + p.n % 4]
                                            AS state) st
                        CROSS JOIN LATERAL (SELECT CAST(:now AS timestamptz) - make_interval(mins => (p.n * 233)::int) AS received) r
                        JOIN complaint_sla_policy sla ON sla.severity = s.severity
                        RETURNING id, description, received_at, created_by)
                    INSERT INTO complaint_event (complaint_id, action, to_state, text, actor_id, at)
                    SELECT id, 'RECEIVE', 'RECEIVED', description, created_by, received_at FROM made""")
                    .setParameter("now", clock.instant()).executeUpdate();
        });
    }
}
