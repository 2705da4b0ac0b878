package io.guanxi.crm.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The membership-level rule exists twice: {@link TierService#earnedLevel} lifts a customer at a sale, and
 * {@link TierRecompute#EARNED_LEVEL} classifies everyone in the recompute. Every case here runs through
 * both and must get the same level: spends and tenures on, just below and just above each threshold,
 * plus random ones, under policies whose thresholds coincide or are zero.
 */
@QuarkusTest
class TierRuleConsistencyTest {

    /** A Sunday of a daylight-saving change in Europe: a calendar day there is not 24 hours. */
    private static final Instant NOW = Instant.parse("2026-03-30T10:15:30Z");

    @Inject
    EntityManager em;

    @Test
    void javaAndSqlEarnTheSameLevel() {
        List<TierPolicy> policies = List.of(policy("20000", 365, "50000", 730), policy("20000", 0, "20000", 0),
                policy("0", 30, "100000.50", 30));
        Random random = new Random(14);
        for (TierPolicy policy : policies) {
            List<BigDecimal> spends = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("999999999.99")));
            for (BigDecimal threshold : List.of(policy.goldSpend, policy.platinumSpend)) {
                spends.addAll(List.of(threshold.subtract(new BigDecimal("0.01")), threshold, threshold.add(new BigDecimal("0.01"))));
            }
            for (int i = 0; i < 5; i++) {
                spends.add(BigDecimal.valueOf(random.nextInt(120_000_00), 2));
            }
            List<Instant> firstPurchases = new ArrayList<>(List.of(NOW, NOW.minus(Duration.ofDays(3650))));
            for (int days : List.of(policy.goldTenureDays, policy.platinumTenureDays)) {
                Instant boundary = NOW.minus(Duration.ofDays(days));
                firstPurchases.addAll(List.of(boundary.plusSeconds(1), boundary, boundary.minusSeconds(1),
                        boundary.plus(Duration.ofHours(1)), boundary.minus(Duration.ofHours(1))));
            }
            for (int i = 0; i < 5; i++) {
                firstPurchases.add(NOW.minusSeconds(random.nextInt(800 * 86_400)));
            }
            // Both sides only see purchases made by now (a future sale counts once its time has come).
            firstPurchases.removeIf(first -> first.isAfter(NOW));
            for (String timeZone : List.of("UTC", "Asia/Shanghai", "Europe/Berlin")) {
                for (BigDecimal spend : spends) {
                    for (Instant first : firstPurchases) {
                        assertEquals(TierService.earnedLevel(policy, spend, first, NOW), inSql(policy, spend, first, timeZone),
                                "spend " + spend + ", first purchase " + first + ", gold " + policy.goldSpend + "/" + policy.goldTenureDays
                                        + " d, platinum " + policy.platinumSpend + "/" + policy.platinumTenureDays + " d, session " + timeZone);
                    }
                }
            }
        }
    }

    /** A level only rises between reviews: the SQL ranking orders levels as the enum does. */
    @Test
    void sqlRanksLevelsAsTheEnumDoes() {
        for (MembershipLevel a : MembershipLevel.values()) {
            for (MembershipLevel b : MembershipLevel.values()) {
                boolean higher = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT array_position(" + TierRecomputeRepository.LEVEL_RANKING + ", CAST(:a AS varchar)) > array_position("
                                + TierRecomputeRepository.LEVEL_RANKING + ", CAST(:b AS varchar))")
                        .setParameter("a", a.name()).setParameter("b", b.name()).getSingleResult());
                assertEquals(a.compareTo(b) > 0, higher, a + " vs " + b);
            }
        }
    }

    private MembershipLevel inSql(TierPolicy policy, BigDecimal spend, Instant first, String timeZone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT set_config('TimeZone', :zone, true)").setParameter("zone", timeZone).getSingleResult();
            String level = (String) em.createNativeQuery("""
                    SELECT %s
                    FROM (SELECT CAST(:revenue AS numeric) AS revenue, CAST(:first AS timestamptz) AS first_at,
                                 CAST(:goldSpend AS numeric) AS gold_spend, CAST(:goldTenureDays AS int) AS gold_tenure_days,
                                 CAST(:platinumSpend AS numeric) AS platinum_spend,
                                 CAST(:platinumTenureDays AS int) AS platinum_tenure_days) AS customer""".formatted(TierRecomputeRepository.EARNED_LEVEL))
                    .setParameter("revenue", spend).setParameter("first", first).setParameter("now", NOW)
                    .setParameter("goldSpend", policy.goldSpend).setParameter("goldTenureDays", policy.goldTenureDays)
                    .setParameter("platinumSpend", policy.platinumSpend).setParameter("platinumTenureDays", policy.platinumTenureDays)
                    .getSingleResult();
            return MembershipLevel.valueOf(level);
        });
    }

    private static TierPolicy policy(String goldSpend, int goldDays, String platinumSpend, int platinumDays) {
        TierPolicy policy = new TierPolicy();
        policy.goldSpend = new BigDecimal(goldSpend);
        policy.goldTenureDays = goldDays;
        policy.platinumSpend = new BigDecimal(platinumSpend);
        policy.platinumTenureDays = platinumDays;
        return policy;
    }
}
