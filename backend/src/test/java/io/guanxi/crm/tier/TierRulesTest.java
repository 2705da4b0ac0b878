package io.guanxi.crm.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.tier.api.TierReport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The tier rules of the recompute statement at their boundaries, on a real PostgreSQL: each case runs
 * in a transaction that shadows purchase, customer_value and tier_history with empty temporary tables
 * (temporary tables come first on the search path), so it sees only its own customers, and is rolled back.
 */
@QuarkusTest
class TierRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Inject
    TierRecompute recompute;

    @Inject
    EntityManager em;

    @Inject
    jakarta.transaction.UserTransaction transaction;

    /** A customer: purchases (amount, refunded, days ago). */
    record Customer(String name, List<double[]> purchases) {
        static Customer of(String name, double... amounts) {
            List<double[]> list = new ArrayList<>();
            for (double amount : amounts) {
                list.add(new double[] {amount, 0, 10});
            }
            return new Customer(name, list);
        }
    }

    record Outcome(TierReport report, Map<String, String[]> byName) {
        String tier(String name) {
            return byName.get(name)[0];
        }

        String quadrant(String name) {
            return byName.get(name)[1];
        }

        String level(String name) {
            return byName.get(name)[2];
        }
    }

    private TierPolicy policy(Function<TierPolicy, TierPolicy> change) {
        TierPolicy p = new TierPolicy();
        p.version = 1;
        p.windowMonths = 12;
        p.abcMethod = AbcMethod.CUMULATIVE_REVENUE;
        p.aCutoffPercent = new BigDecimal("70");
        p.bCutoffPercent = new BigDecimal("95");
        p.noRevenueTier = "C";
        p.abcdThresholds = "MEDIAN";
        p.goldSpend = new BigDecimal("10000");
        p.goldTenureDays = 90;
        p.platinumSpend = new BigDecimal("50000");
        p.platinumTenureDays = 365;
        p.expectedLifetimeYears = new BigDecimal("3");
        return change.apply(p);
    }

    /** One recompute: under which policy, and whether it is the periodic review. */
    record Step(TierPolicy policy, boolean review) {
    }

    private List<Outcome> run(TierPolicy policy, List<Customer> customers, boolean... reviews) {
        List<Step> steps = new ArrayList<>();
        for (boolean review : reviews.length == 0 ? new boolean[] {false} : reviews) {
            steps.add(new Step(policy, review));
        }
        return run(customers, steps);
    }

    /** Runs the steps, one after the other, over exactly these customers; one outcome per step. */
    private List<Outcome> run(List<Customer> customers, List<Step> steps) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            transaction.begin();
            try {
                for (String table : List.of("purchase", "customer_value", "tier_history", "tier_input", "tier_state", "tier_cutoff", "tier_dirty")) {
                    em.createNativeQuery("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP")
                            .executeUpdate();
                }
                Map<UUID, String> names = new HashMap<>();
                for (Customer customer : customers) {
                    UUID id = UUID.randomUUID();
                    names.put(id, customer.name());
                    for (double[] p : customer.purchases()) {
                        em.createNativeQuery("""
                                INSERT INTO purchase (id, contact_id, amount, refunded_amount, channel, occurred_at, recorded_by, created_at)
                                VALUES (gen_random_uuid(), :c, :amount, :refunded, 'STORE', :at, gen_random_uuid(), :at)""")
                                .setParameter("c", id).setParameter("amount", BigDecimal.valueOf(p[0]))
                                .setParameter("refunded", BigDecimal.valueOf(p[1]))
                                .setParameter("at", NOW.minus(Duration.ofDays((long) p[2]))).executeUpdate();
                    }
                }
                for (Step step : steps) {
                    TierReport report = recompute.recompute(step.policy(), step.review(), UUID.randomUUID(), NOW, progress());
                    Map<String, String[]> byName = new HashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = em.createNativeQuery(
                            "SELECT contact_id, abc_tier, abcd_quadrant, membership_level FROM customer_value", Object[].class).getResultList();
                    for (Object[] row : rows) {
                        byName.put(names.get((UUID) row[0]), new String[] {(String) row[1], row[2] == null ? null : row[2].toString(),
                                (String) row[3]});
                    }
                    outcomes.add(new Outcome(report, byName));
                    em.createNativeQuery("DROP TABLE tier_calc").executeUpdate();
                }
            } finally {
                transaction.rollback();
            }
        } catch (jakarta.transaction.SystemException | jakarta.transaction.NotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }

    private Outcome runOnce(TierPolicy policy, List<Customer> customers) {
        return run(policy, customers).get(0);
    }

    private static Jobs.Progress progress() {
        UUID id = UUID.randomUUID();
        return new Jobs.Progress() {
            @Override
            public UUID jobId() {
                return id;
            }

            @Override
            public void update(String phase, long processed, Long total) {
            }
        };
    }

    @Test
    void customersAreAUntil70PercentOfRevenueThenBUntil95() {
        Outcome o = runOnce(policy(p -> p), List.of(Customer.of("c50", 50), Customer.of("c30", 30), Customer.of("c15", 15),
                Customer.of("c5", 5)));
        assertEquals("A", o.tier("c50"));
        assertEquals("A", o.tier("c30")); // 50 % before it: still under 70
        assertEquals("B", o.tier("c15")); // 80 % before it
        assertEquals("C", o.tier("c5"));  // 95 % before it: the B cut-off is reached
        TierReport.Share a = o.report().tiers().stream().filter(s -> s.key().equals("A")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("50.00").compareTo(a.customerShare()));
        assertEquals(0, new BigDecimal("80.00").compareTo(a.revenueShare()));
    }

    @Test
    void tiedCustomersAtACutOffShareTheTier() {
        Outcome under = runOnce(policy(p -> p), List.of(Customer.of("big", 60), Customer.of("tie1", 20), Customer.of("tie2", 20)));
        assertEquals("A", under.tier("tie1"));
        assertEquals("A", under.tier("tie2"));
        Outcome exactly = runOnce(policy(p -> p), List.of(Customer.of("big", 70), Customer.of("tie1", 15), Customer.of("tie2", 15)));
        assertEquals("A", exactly.tier("big"));
        assertEquals("B", exactly.tier("tie1"));
        assertEquals("B", exactly.tier("tie2"));
    }

    @Test
    void oneCustomerIsAAndCoreOrActivate() {
        Outcome o = runOnce(policy(p -> p), List.of(Customer.of("only", 100, 200)));
        assertEquals("A", o.tier("only"));
        assertEquals(1, o.report().customers());
        assertEquals("D", o.quadrant("only")); // not above the medians, which are its own values
    }

    @Test
    void noRevenueAtAllGivesTheNoRevenueTierWithoutDividingByZero() {
        List<Customer> refundedAll = List.of(new Customer("r1", List.<double[]>of(new double[] {100, 100, 10})),
                new Customer("r2", List.<double[]>of(new double[] {50, 50, 20})));
        Outcome c = runOnce(policy(p -> p), refundedAll);
        assertEquals("C", c.tier("r1"));
        assertEquals("D", c.quadrant("r2"));
        assertEquals(0, BigDecimal.ZERO.compareTo(c.report().totalRevenue()));
        Outcome inactive = runOnce(policy(p -> {
            p.noRevenueTier = "INACTIVE";
            return p;
        }), refundedAll);
        assertEquals("INACTIVE", inactive.tier("r1"));
    }

    @Test
    void refundsThatCancelRevenueMakeACustomerInactiveAndOutOfTheShares() {
        Outcome o = runOnce(policy(p -> {
            p.noRevenueTier = "INACTIVE";
            return p;
        }), List.of(Customer.of("payer", 100), new Customer("refunded", List.<double[]>of(new double[] {500, 500, 5})),
                new Customer("old", List.<double[]>of(new double[] {900, 0, 400}))));
        assertEquals("A", o.tier("payer"));
        assertEquals("INACTIVE", o.tier("refunded"));
        assertEquals("INACTIVE", o.tier("old")); // its only purchase is outside the 12-month window
        assertEquals(1, o.report().payingCustomers());
    }

    @Test
    void rankShareTakesTheTopCustomersByCount() {
        List<Customer> twenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add(Customer.of("c" + i, i * 10));
        }
        Outcome o = runOnce(policy(p -> {
            p.abcMethod = AbcMethod.RANK_SHARE;
            p.aCutoffPercent = new BigDecimal("15");
            p.bCutoffPercent = new BigDecimal("50");
            return p;
        }), twenty);
        assertEquals(List.of("A", "A", "A", "B"), List.of(o.tier("c20"), o.tier("c19"), o.tier("c18"), o.tier("c17")));
        assertEquals("B", o.tier("c11"));
        assertEquals("C", o.tier("c10"));
    }

    @Test
    void theQuadrantSplitsFrequencyAndOrderValueAtTheMediansOrFixedValues() {
        List<Customer> customers = List.of(
                Customer.of("core", 900, 900, 900, 900),   // often, big orders
                Customer.of("rare-big", 1000),             // once, big
                Customer.of("often-small", 10, 10, 10, 10),
                Customer.of("rare-small", 10),
                Customer.of("middle", 100, 100));
        Outcome o = runOnce(policy(p -> p), customers); // medians: 2 purchases, 100 CNY
        assertEquals("A", o.quadrant("core"));
        assertEquals("B", o.quadrant("rare-big"));
        assertEquals("C", o.quadrant("often-small"));
        assertEquals("D", o.quadrant("rare-small"));
        assertEquals("D", o.quadrant("middle")); // at the median is not above it
        Outcome fixed = runOnce(policy(p -> {
            p.abcdThresholds = "FIXED";
            p.frequencyThreshold = 2;
            p.orderValueThreshold = new BigDecimal("100");
            return p;
        }), customers);
        assertEquals("A", fixed.quadrant("middle")); // FIXED thresholds are "at least"
    }

    @Test
    void levelsRiseAtRecomputeButFallOnlyAtTheReview() {
        TierPolicy policy = policy(p -> p);
        List<Customer> customers = List.of(new Customer("gold", List.<double[]>of(new double[] {12000, 0, 100})),
                new Customer("new-big", List.<double[]>of(new double[] {60000, 0, 30})));
        Outcome first = runOnce(policy, customers);
        assertEquals("GOLD", first.level("gold"));
        assertEquals("SILVER", first.level("new-big")); // spend enough, but only 30 days a customer
        // Raise the bar: a plain recompute keeps GOLD, the review lowers it.
        TierPolicy stricter = policy(p -> {
            p.goldSpend = new BigDecimal("20000");
            return p;
        });
        List<Outcome> runs = run(customers, List.of(new Step(policy, false), new Step(stricter, false), new Step(stricter, true)));
        assertEquals("GOLD", runs.get(1).level("gold"));
        assertEquals("SILVER", runs.get(2).level("gold"));
        assertTrue(runs.get(2).report().movements().contains(new TierReport.Movement("LEVEL", "GOLD", "SILVER", 1)));
    }

    @Test
    void randomPopulationsHaveSharesThatAddUpAndARecomputeIsIdempotent() {
        Random random = new Random(20261123);
        for (int round = 0; round < 25; round++) {
            List<Customer> customers = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                List<double[]> purchases = new ArrayList<>();
                for (int k = 0, count = 1 + random.nextInt(5); k < count; k++) {
                    double amount = 1 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
                    double refunded = random.nextInt(6) == 0 ? amount : random.nextInt(6) == 0 ? Math.floor(amount / 2) : 0;
                    purchases.add(new double[] {amount, refunded, random.nextInt(500)});
                }
                customers.add(new Customer("c" + i, purchases));
            }
            TierPolicy policy = policy(p -> {
                p.abcMethod = random.nextBoolean() ? AbcMethod.CUMULATIVE_REVENUE : AbcMethod.RANK_SHARE;
                return p;
            });
            List<Outcome> runs = run(policy, customers, false, false);
            TierReport report = runs.get(0).report();
            long counted = report.tiers().stream().mapToLong(TierReport.Share::customers).sum();
            assertEquals(report.customers(), counted, "round " + round);
            double customerShares = report.tiers().stream().mapToDouble(s -> s.customerShare().doubleValue()).sum();
            assertEquals(100.0, customerShares, 0.05 * report.tiers().size(), "round " + round);
            if (report.totalRevenue().signum() > 0) {
                double revenueShares = report.tiers().stream().mapToDouble(s -> s.revenueShare().doubleValue()).sum();
                assertEquals(100.0, revenueShares, 0.05 * report.tiers().size(), "round " + round);
            }
            TierReport again = runs.get(1).report();
            assertEquals(0, again.changedCustomers(), "round " + round + ": a second recompute writes nothing");
            assertTrue(again.movements().isEmpty(), "round " + round + ": and moves nobody");
            assertEquals(runs.get(0).byName().keySet(), runs.get(1).byName().keySet());
        }
    }
}
