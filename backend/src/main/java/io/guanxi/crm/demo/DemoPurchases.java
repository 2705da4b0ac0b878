package io.guanxi.crm.demo;

import io.guanxi.crm.tier.TierService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * Demo sales: about 60 % of the demo contacts are customers with one to eight purchases over the last
 * eighteen months, amounts spread like real revenue (a few large, many small), a few refunds; then
 * one tier recompute, so tiers, quadrants and levels have something to show.
 */
@ApplicationScoped
public class DemoPurchases {

    @Inject
    EntityManager em;

    @Inject
    TierService tiers;

    @Inject
    Clock clock;

    public void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO purchase (id, contact_id, amount, channel, items, occurred_at, recorded_by, created_at)
                    SELECT gen_random_uuid(), c.id, a.amount,
                           (ARRAY['STORE', 'ONLINE', 'PHONE', 'WECHAT', 'EVENT'])[1 + (n + abs(hashtext(c.id::text))) % 5],
                           jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (100 + n), 'category',
                               (ARRAY['培训课程', '软件订阅', '咨询服务', '硬件设备'])[1 + n % 4], 'quantity', 1, 'price', a.amount)),
                           CAST(:now AS timestamptz) - make_interval(days => (abs(hashtext(c.id::text || n)) % 540) + 1),
                           c.owner_id, CAST(:now AS timestamptz)
                    FROM contact c
                    CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(c.id::text || 'count')) % 8) AS n
                    CROSS JOIN LATERAL (SELECT round((60 * exp(power((abs(hashtext(c.id::text || n || 'amt')) % 1000) / 1000.0, 2) * 7.5))::numeric, 2)
                                        AS amount) a
                    WHERE abs(hashtext(c.id::text || 'customer')) % 10 < 6
                      AND c.owner_id NOT IN (SELECT user_id FROM app_user_role WHERE role = 'INTEGRATOR')""")
                    .setParameter("now", clock.instant()).executeUpdate();
            em.createNativeQuery("""
                    WITH picked AS (SELECT id, amount FROM purchase WHERE abs(hashtext(id::text)) % 25 = 0)
                    UPDATE purchase p SET refunded_amount = picked.amount FROM picked WHERE p.id = picked.id""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO refund (id, purchase_id, amount, reason, occurred_at, recorded_by, created_at)
                    SELECT gen_random_uuid(), id, refunded_amount, '客户退货', occurred_at + interval '3 days', recorded_by, created_at
                    FROM purchase WHERE refunded_amount > 0""").executeUpdate();
        });
        tiers.recomputeNow(false);
    }
}
