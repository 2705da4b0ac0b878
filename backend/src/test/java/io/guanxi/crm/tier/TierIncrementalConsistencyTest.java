package io.guanxi.crm.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.KnownState;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.tier.api.TierReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recompute from kept inputs (V59: tier_input brought forward from the changed customers, only they classified when
 * the global cut-offs stay) gives what the raw computation over every purchase gives, for every customer. After random
 * sales, refunds in part and in full, sales moved to another customer (a merge) or deleted, sales dated ahead that come
 * of age, the window sliding over sales (ageing out) and tenures being reached, and a level lifted by a sale between
 * runs, each run is followed by the raw computation at the same instant (rolled back): it must find nothing to write and
 * no one to move, and its report must be the same. Ties are common (amounts from a short list), as at scale.
 */
@QuarkusTest
class TierIncrementalConsistencyTest {

    private static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("100.00"), new BigDecimal("100.00"),
            new BigDecimal("250.00"), new BigDecimal("999.99"), new BigDecimal("3000.00"), new BigDecimal("12000.00"));

    @Inject
    EntityManager em;

    @Inject
    TierRecompute recompute;

    @Inject
    TierService tiers;

    @Test
    void cumulativeRevenueAndMedians() {
        check(Map.of("abcMethod", "CUMULATIVE_REVENUE", "abcdThresholds", "MEDIAN", "noRevenueTier", "C"), 21);
    }

    @Test
    void rankShareAndFixedThresholds() {
        check(Map.of("abcMethod", "RANK_SHARE", "abcdThresholds", "FIXED", "frequencyThreshold", 3, "orderValueThreshold", 500,
                "noRevenueTier", "INACTIVE", "aCutoffPercent", 20, "bCutoffPercent", 50, "goldTenureDays", 30), 5);
    }

    private void check(Map<String, Object> overrides, long seed) {
        KnownState.noCustomers(em);
        Map<String, Object> body = new HashMap<>(TierJobTest.SHIPPED_POLICY);
        body.putAll(overrides);
        Policies.put(Policies.admin(), "/api/v1/tiers/policy", body).then().statusCode(200);
        TierPolicy policy = tiers.current();
        TestUser rep = Api.newUser(Role.SALES_REP);
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> contacts = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 90; i++) {
                UUID id = UUID.randomUUID();
                contacts.add(id);
                em.createNativeQuery("""
                        INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at)
                        VALUES (:id, :name, :owner, 'PURCHASE', now(), now())""")
                        .setParameter("id", id).setParameter("name", "分层" + i).setParameter("owner", rep.id()).executeUpdate();
            }
        });
        for (UUID contact : contacts) {
            int sales = random.nextInt(9) - 1;
            for (int i = 0; i < sales; i++) {
                sale(contact, now.minus(Duration.ofSeconds(random.nextLong(500L * 86_400))), random, rep);
            }
        }
        Map<TierRecompute.Path, Integer> paths = new EnumMap<>(TierRecompute.Path.class);
        for (int round = 0; round < 40; round++) {
            int change = random.nextInt(8);
            switch (change) {
                case 0 -> now = now.plusSeconds(1 + random.nextInt(60));
                case 1 -> {
                    for (int i = random.nextInt(3); i >= 0; i--) {
                        UUID contact = contacts.get(random.nextInt(contacts.size()));
                        // Mostly recent, sometimes long ago, sometimes dated ahead (counted once its time has come).
                        long ago = random.nextInt(4) == 0 ? random.nextLong(400L * 86_400) : random.nextLong(3 * 86_400) - 86_400;
                        sale(contact, now.minusSeconds(ago), random, rep);
                    }
                }
                case 2 -> sql("""
                        UPDATE purchase SET refunded_amount = CASE WHEN :full THEN amount ELSE round(amount / 3, 2) END
                        WHERE id = (SELECT id FROM purchase ORDER BY id OFFSET :skip LIMIT 1)""",
                        Map.of("full", random.nextBoolean(), "skip", random.nextInt(50)));
                case 3 -> sql("""
                        UPDATE purchase SET contact_id = :to WHERE id = (SELECT id FROM purchase ORDER BY id OFFSET :skip LIMIT 1)""",
                        Map.of("to", contacts.get(random.nextInt(contacts.size())), "skip", random.nextInt(50)));
                case 4 -> sql("DELETE FROM purchase WHERE id = (SELECT id FROM purchase ORDER BY id OFFSET :skip LIMIT 1)",
                        Map.of("skip", random.nextInt(50)));
                case 5 -> {
                    // A sale's own refresh between runs: the window figures and a lifted level written at once.
                    UUID contact = contacts.get(random.nextInt(contacts.size()));
                    sale(contact, now.minusSeconds(random.nextInt(86_400)), random, rep);
                    QuarkusTransaction.requiringNew().run(() -> tiers.refreshFromPurchases(contact));
                }
                default -> now = now.plus(Duration.ofHours(1 + random.nextInt(24 * 40)));
            }
            boolean review = random.nextInt(10) == 0;
            Instant at = now;
            TierReport kept = QuarkusTransaction.requiringNew().call(() -> recompute.recompute(policy, review, UUID.randomUUID(), at,
                    progress(), false));
            TierRecompute.Path path = recompute.lastPath();
            paths.merge(path, 1, Integer::sum);
            TierReport raw;
            QuarkusTransaction.begin();
            try {
                raw = recompute.recompute(policy, review, UUID.randomUUID(), at, progress(), true);
            } finally {
                QuarkusTransaction.rollback();
            }
            String where = "round " + round + " (change " + change + ", " + path + (review ? ", review" : "") + ")";
            assertEquals(0, raw.changedCustomers(), where + ": the raw computation found customers to write");
            assertEquals(List.of(), raw.movements(), where);
            assertEquals(summary(raw), summary(kept), where);
        }
        assertTrue(paths.getOrDefault(TierRecompute.Path.CHANGED, 0) > 0, "only the changed classified: " + paths);
        assertTrue(paths.getOrDefault(TierRecompute.Path.INPUTS, 0) > 0, "everyone from the kept inputs: " + paths);
    }

    /** The report's figures (decimals with their scale, as the JSON shows them): all but the job, timings, movements, writes. */
    private static String summary(TierReport report) {
        StringBuilder text = new StringBuilder().append(report.customers()).append(' ').append(report.payingCustomers()).append(' ')
                .append(plain(report.totalRevenue())).append(' ').append(report.windowStart()).append('\n');
        for (List<TierReport.Share> shares : List.of(report.tiers(), report.quadrants(), report.levels())) {
            for (TierReport.Share share : shares) {
                text.append(share.key()).append(' ').append(share.customers()).append(' ').append(plain(share.customerShare())).append(' ')
                        .append(plain(share.revenue())).append(' ').append(plain(share.revenueShare())).append(' ')
                        .append(share.recommendedAction()).append('\n');
            }
        }
        text.append(report.abcdThresholds().source()).append(' ').append(plain(report.abcdThresholds().frequency())).append(' ')
                .append(plain(report.abcdThresholds().orderValue())).append('\n');
        for (TierReport.HeatCell cell : report.heatmap()) {
            text.append(cell.frequencyBand()).append('/').append(cell.valueBand()).append(' ').append(cell.customers()).append('\n');
        }
        return text.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    private void sale(UUID contact, Instant at, Random random, TestUser rep) {
        BigDecimal amount = random.nextInt(5) == 0 ? BigDecimal.valueOf(1 + random.nextInt(2_000_000), 2)
                : AMOUNTS.get(random.nextInt(AMOUNTS.size()));
        sql("""
                INSERT INTO purchase (id, contact_id, amount, channel, occurred_at, recorded_by, created_at)
                VALUES (gen_random_uuid(), :contact, :amount, 'STORE', :at, :rep, now())""",
                Map.of("contact", contact, "amount", amount, "at", at, "rep", rep.id()));
    }

    private void sql(String statement, Map<String, Object> parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            parameters.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    private static Jobs.Progress progress() {
        UUID job = UUID.randomUUID();
        return new Jobs.Progress() {
            @Override
            public UUID jobId() {
                return job;
            }

            @Override
            public void update(String phase, long processed, Long total) {
                // nothing to follow here
            }
        };
    }
}
