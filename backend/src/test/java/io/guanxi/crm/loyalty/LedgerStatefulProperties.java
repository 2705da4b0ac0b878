package io.guanxi.crm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.tier.MembershipLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful properties of the ledger's rules: any sequence of earn / redeem / reverse / expire on an
 * account, with the debits chosen by {@link PointsLots} exactly as the service chooses them, keeps
 * balance = sum of entries = sum of lots ≥ 0, redeems only what is there, and takes the points that
 * expire first — so expiry only ever finds the freshest points left.
 */
class LedgerStatefulProperties {

    /** An account as the ledger keeps it: entries appended, lots drained. */
    static final class Account {
        final List<long[]> lots = new ArrayList<>(); // {id, points, remaining, expiresAtEpochSecond}
        final List<Long> entries = new ArrayList<>();
        long balance;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        long nextLotId = 1;

        List<PointsLots.Lot> open() {
            return lots.stream().filter(l -> l[2] > 0)
                    .map(l -> new PointsLots.Lot(l[0], l[2], Instant.ofEpochSecond(l[3]))).toList();
        }

        long[] lot(long id) {
            return lots.stream().filter(l -> l[0] == id).findFirst().orElseThrow();
        }

        void earn(long points, int months) {
            lots.add(new long[] {nextLotId++, points, points, now.plus(Duration.ofDays(30L * months)).getEpochSecond()});
            entries.add(points);
            balance += points;
        }

        /** What the service does: refuse when short, else take FIFO. Returns the takes (empty when refused). */
        List<PointsLots.Take> redeem(long points) {
            if (balance < points) {
                return List.of();
            }
            List<PointsLots.Take> takes = PointsLots.take(open(), points, null);
            assertEquals(points, PointsLots.total(takes), "a redemption the balance covers is taken in full");
            apply(takes);
            return takes;
        }

        /** A refund reversal: its own lot first, then FIFO, what is missing is the shortfall. */
        long reverse(long lotId, long points) {
            List<PointsLots.Take> takes = PointsLots.take(open(), points, lotId);
            long taken = PointsLots.total(takes);
            assertTrue(taken <= points);
            assertEquals(Math.min(points, balance), taken, "takes what there is, up to what is asked");
            if (!takes.isEmpty() && takes.get(0).lotId() != lotId) {
                assertEquals(0, lot(lotId)[2], "the purchase's own lot goes first");
            }
            apply(takes);
            return points - taken;
        }

        void expire(int days) {
            now = now.plus(Duration.ofDays(days));
            long expired = 0;
            for (long[] l : lots) {
                if (l[2] > 0 && l[3] <= now.getEpochSecond()) {
                    expired += l[2];
                    l[2] = 0;
                }
            }
            if (expired > 0) {
                entries.add(-expired);
                balance -= expired;
            }
        }

        private void apply(List<PointsLots.Take> takes) {
            long total = 0;
            for (PointsLots.Take t : takes) {
                long[] l = lot(t.lotId());
                assertTrue(t.points() > 0 && t.points() <= l[2], "a take never exceeds what is left of its lot");
                l[2] -= t.points();
                total += t.points();
            }
            if (total > 0) {
                entries.add(-total);
                balance -= total;
            }
        }
    }

    @Property(tries = 300)
    void anySequenceKeepsTheBalanceTheSumOfEntriesAndOfLots(@ForAll("sequences") ActionChain<Account> chain) {
        chain.withInvariant("balance = entries = lots ≥ 0", account -> {
            assertTrue(account.balance >= 0);
            assertEquals(account.entries.stream().mapToLong(Long::longValue).sum(), account.balance);
            assertEquals(account.lots.stream().mapToLong(l -> l[2]).sum(), account.balance);
            account.lots.forEach(l -> assertTrue(l[2] >= 0 && l[2] <= l[1]));
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<Account>> sequences() {
        return ActionChain.startWith(Account::new)
                .withAction(3, new Earn())
                .withAction(3, new Redeem())
                .withAction(1, new Reverse())
                .withAction(1, new Expire())
                .withMaxTransformations(40);
    }

    static final class Earn implements Action.Independent<Account> {
        @Override
        public Arbitrary<Transformer<Account>> transformer() {
            return Combinators.combine(Arbitraries.longs().between(1, 2000), Arbitraries.integers().between(1, 30))
                    .as((points, months) -> Transformer.mutate("earn " + points + " for " + months + " months",
                            account -> account.earn(points, months)));
        }
    }

    static final class Redeem implements Action.Independent<Account> {
        @Override
        public Arbitrary<Transformer<Account>> transformer() {
            return Arbitraries.longs().between(1, 3000).map(points -> Transformer.mutate("redeem " + points, account -> {
                List<PointsLots.Lot> before = account.open();
                List<PointsLots.Take> takes = account.redeem(points);
                if (takes.isEmpty()) {
                    return;
                }
                // FIFO: every lot that expires before the last one taken from is now empty.
                PointsLots.Take last = takes.get(takes.size() - 1);
                PointsLots.Lot lastLot = before.stream().filter(l -> l.id() == last.lotId()).findFirst().orElseThrow();
                before.stream().filter(l -> PointsLots.FIFO.compare(l, lastLot) < 0)
                        .forEach(l -> assertEquals(0, account.lot(l.id())[2], "lot " + l.id() + " expires earlier, so it pays first"));
            }));
        }
    }

    static final class Reverse implements Action.Dependent<Account> {
        @Override
        public boolean precondition(Account account) {
            return !account.lots.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Account>> transformer(Account account) {
            return Combinators.combine(Arbitraries.of(account.lots.stream().map(l -> l[0]).toList()), Arbitraries.longs().between(1, 2000))
                    .as((lotId, points) -> Transformer.mutate("reverse " + points + " of lot " + lotId,
                            a -> a.reverse(lotId, points)));
        }
    }

    static final class Expire implements Action.Independent<Account> {
        @Override
        public Arbitrary<Transformer<Account>> transformer() {
            return Arbitraries.integers().between(1, 400).map(days -> Transformer.mutate("after " + days + " days, expire",
                    account -> account.expire(days)));
        }
    }

    @Property(tries = 2000)
    void earningIsTheFlooredProductAndMonotoneInLevel(
            @ForAll @BigRange(min = "0.01", max = "1000000") BigDecimal amount) {
        LoyaltyPolicy policy = new LoyaltyPolicy();
        policy.pointsPerCny = BigDecimal.ONE;
        policy.silverMultiplier = BigDecimal.ONE;
        policy.goldMultiplier = new BigDecimal("1.2");
        policy.platinumMultiplier = new BigDecimal("1.5");
        BigDecimal scaled = amount.setScale(2, java.math.RoundingMode.DOWN);
        long silver = policy.pointsFor(scaled, MembershipLevel.SILVER);
        long gold = policy.pointsFor(scaled, MembershipLevel.GOLD);
        long platinum = policy.pointsFor(scaled, MembershipLevel.PLATINUM);
        assertEquals(scaled.longValue(), silver, "1 point per whole CNY");
        assertTrue(silver <= gold && gold <= platinum);
        assertTrue(BigDecimal.valueOf(platinum).compareTo(scaled.multiply(new BigDecimal("1.5"))) <= 0, "never rounds up");
        assertTrue(BigDecimal.valueOf(platinum + 1).compareTo(scaled.multiply(new BigDecimal("1.5"))) > 0, "floor, not less");
    }
}
