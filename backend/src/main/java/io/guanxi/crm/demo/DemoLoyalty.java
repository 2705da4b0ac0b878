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

    static final Object[][] REWARDS = {
            {"品牌保温杯", "PRODUCT", 300, 200, null, "316 不锈钢，12 小时保温"},
            {"上门设备保养一次", "SERVICE", 800, 40, null, "工程师上门检测与保养"},
            {"一年免费升级服务", "PRIVILEGE", 1000, null, null, "1000 积分 = 一年的免费升级"},
            {"年度培训课程名额", "SERVICE", 2500, 10, "GOLD", "任选一门年度公开课"},
            {"至尊会员私享晚宴", "PRIVILEGE", 5000, 12, "PLATINUM", "每年一次，限白金卡会员"},
    };

    @Inject
    DemoRepository demo;

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
                demo.insertReward(id, r, manager, now);
            }
            // Through the earning rules, as a live sale would: refunding a demo purchase takes its points back.
            for (Tuple p : demo.keptPurchases()) {
                earning.earnForPastPurchase(new PurchaseRecorded(Rows.uuid(p, "contact_id"), Rows.uuid(p, "id"),
                        Rows.decimal(p, "amount"), null), Rows.instant(p, "occurred_at"));
            }
            for (UUID contact : demo.someWhoCanAfford(300)) {
                Instant at = now;
                UUID redemption = Ids.newId();
                PointsLedger.Debit debit = ledger.debit(contact, EntryKind.REDEEM, 300, "REDEMPTION",
                        new PointsLedger.Refs(null, null, redemption, null, null, manager), at, null, false);
                demo.insertRedemption(redemption, contact, thermos, 300, debit.entryId(), manager, at);
            }
        });
    }
}
