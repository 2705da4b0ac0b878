package io.guanxi.crm.demo;

import io.guanxi.crm.tier.TierService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Demo sales: about 60 % of the demo contacts are customers with one to eight purchases over the last
 * eighteen months, amounts spread like real revenue (a few large, many small), a few refunds; then
 * one tier recompute, so tiers, quadrants and levels have something to show.
 */
@ApplicationScoped
public class DemoPurchases {

    @Inject
    DemoRepository demo;

    @Inject
    TierService tiers;

    @Inject
    Clock clock;

    public void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            demo.insertPurchases(now);
            demo.refundEveryTwentyFifth();
        });
        tiers.recomputeNow(false);
    }
}
