package io.guanxi.crm.demo;

import io.guanxi.crm.loyalty.EntryKind;
import io.guanxi.crm.loyalty.PointsEarning;
import io.guanxi.crm.loyalty.PointsLedger;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Demo points: a small rewards catalog, the points every kept demo purchase earned (dated when it
 * was bought, through the earning rules, so a refund takes them back), and a redemption for about a
 * third of the customers who could afford the thermos.
 */
@ApplicationScoped
public class DemoLoyalty {

    private static final Object[][] REWARDS = {
            {"品牌保温杯", "PRODUCT", 300, 200, null, "316 不锈钢，12 小时保温"},
            {"上门设备保养一次", "SERVICE", 800, 40, null, "工程师上门检测与保养"},
            {"一年免费升级服务", "PRIVILEGE", 1000, null, null, "1000 积分 = 一年的免费升级"},
            {"年度培训课程名额", "SERVICE", 2500, 10, "GOLD", "任选一门年度公开课"},
            {"至尊会员私享晚宴", "PRIVILEGE", 5000, 12, "PLATINUM", "每年一次，限白金卡会员"},
    };

    @Inject
    EntityManager em;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsEarning earning;

    @Inject
    Clock clock;

    public void seed(UUID manager) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            UUID thermos = null;
            for (Object[] r : REWARDS) {
                UUID id = Ids.newId();
                thermos = thermos == null ? id : thermos;
                em.createNativeQuery("""
                        INSERT INTO reward (id, name, description, kind, points_cost, stock, level_required, created_at, created_by, updated_at)
                        VALUES (:id, :name, :description, :kind, :cost, CAST(:stock AS int), CAST(:level AS varchar), :now, :by, :now)""")
                        .setParameter("id", id).setParameter("name", r[0]).setParameter("description", r[5]).setParameter("kind", r[1])
                        .setParameter("cost", r[2]).setParameter("stock", r[3]).setParameter("level", r[4])
                        .setParameter("now", now).setParameter("by", manager).executeUpdate();
            }
            // Through the earning rules, as a live sale would: refunding a demo purchase takes its points back.
            List<Tuple> purchases = Rows.list(em.createNativeQuery("""
                    SELECT contact_id AS contact_id, id AS id, amount AS amount, occurred_at AS occurred_at FROM purchase
                    WHERE refunded_amount = 0 ORDER BY contact_id, occurred_at""", Tuple.class));
            for (Tuple p : purchases) {
                earning.earnForPastPurchase(new PurchaseRecorded(Rows.uuid(p, "contact_id"), Rows.uuid(p, "id"),
                        Rows.decimal(p, "amount"), null), Rows.instant(p, "occurred_at"));
            }
            @SuppressWarnings("unchecked")
            List<UUID> redeemers = em.createNativeQuery("""
                    SELECT contact_id FROM loyalty_account WHERE balance >= 300 AND abs(hashtext(contact_id::text || 'redeem')) % 3 = 0""",
                    UUID.class).getResultList();
            for (UUID contact : redeemers) {
                Instant at = now;
                UUID redemption = Ids.newId();
                PointsLedger.Debit debit = ledger.debit(contact, EntryKind.REDEEM, 300, "REDEMPTION",
                        new PointsLedger.Refs(null, null, redemption, null, null, manager), at, null, false);
                em.createNativeQuery("""
                        INSERT INTO redemption (id, contact_id, reward_id, quantity, points, state, entry_id, created_by, created_at)
                        VALUES (:id, :c, :reward, 1, 300, 'COMPLETED', :entry, :by, :at)""")
                        .setParameter("id", redemption).setParameter("c", contact).setParameter("reward", thermos)
                        .setParameter("entry", debit.entryId()).setParameter("by", manager).setParameter("at", at).executeUpdate();
                em.createNativeQuery("UPDATE reward SET stock = stock - 1 WHERE id = :id").setParameter("id", thermos).executeUpdate();
            }
        });
    }
}
