package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The only writer of points entries and lots. Every operation first locks the account row, so the
 * operations on one account run one after another and the cached balance, the entries and the lots
 * always agree: balance = sum of entries = sum of what is left in the lots, never below zero.
 * Entries are appended, never changed (a trigger refuses updates and deletes).
 */
@ApplicationScoped
public class PointsLedger {

    /** Who and what an entry is about; all optional. */
    public record Refs(UUID purchaseId, UUID refundId, UUID redemptionId, UUID referredContactId, String reason, UUID actorId) {
        public static Refs none() {
            return new Refs(null, null, null, null, null, null);
        }

        public static Refs actor(UUID actorId, String reason) {
            return new Refs(null, null, null, null, reason, actorId);
        }
    }

    public record Account(long balance, long debt) {
    }

    public record Credit(long entryId, long lotId, long balanceAfter) {
    }

    public record Debit(long entryId, long taken, long shortfall, long balanceAfter) {
    }

    @Inject
    PointsLedgerRepository repository;

    /** Locks the account, opening it on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lock(UUID contactId, Instant now) {
        return repository.lockAccount(contactId).orElseGet(() -> {
            repository.openAccount(contactId, now);
            return repository.lockAccount(contactId).orElseThrow();
        });
    }

    /**
     * Adds points as a new lot expiring at {@code expiresAt}. A debt left by an earlier refund is
     * paid off from the new points first (policy OFFSET_FUTURE_EARNINGS).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credit credit(UUID contactId, EntryKind kind, long points, String cause, Refs refs, Instant now, Instant expiresAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive: " + points);
        }
        Account account = lock(contactId, now);
        long balance = account.balance() + points;
        long entryId = repository.insertEntry(contactId, kind, points, balance, 0, cause, refs, now);
        long lotId = repository.insertLot(contactId, entryId, points, now, expiresAt);
        repository.setBalance(contactId, balance, now);
        if (account.debt() > 0) {
            long settled = Math.min(account.debt(), points);
            Debit debit = debit(contactId, EntryKind.REVERSE, settled, "DEBT_SETTLED", Refs.none(), now, lotId, false);
            repository.reduceDebt(contactId, settled);
            balance = debit.balanceAfter();
        }
        return new Credit(entryId, lotId, balance);
    }

    /**
     * Takes points, the preferred lot first and then those that expire first. Without
     * {@code allowShortfall} a debit larger than the balance is a 409 and writes nothing; with it
     * (refund reversals) it takes what there is and records the rest as the entry's shortfall.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Debit debit(UUID contactId, EntryKind kind, long points, String cause, Refs refs, Instant now, Long preferredLotId,
            boolean allowShortfall) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit takes a positive number of points: " + points);
        }
        long balanceBefore;
        if (allowShortfall) {
            balanceBefore = lock(contactId, now).balance();
        } else {
            // Lock, check and take in one statement: the account row stays locked for as few round trips as possible.
            balanceBefore = repository.takeIfCovered(contactId, points, now)
                    .orElseThrow(() -> insufficient(repository.balance(contactId), points)) + points;
        }
        List<PointsLots.Take> takes = PointsLots.take(repository.openLots(contactId), points, preferredLotId);
        long taken = PointsLots.total(takes);
        long shortfall = points - taken;
        if (!allowShortfall && shortfall > 0) {
            throw new IllegalStateException("lots of " + contactId + " hold less than its balance");
        }
        long balance = balanceBefore - taken;
        long entryId = repository.insertDebit(contactId, kind, -taken, balance, shortfall, cause, refs, now, takes);
        if (allowShortfall && taken > 0) {
            repository.setBalance(contactId, balance, now);
        }
        return new Debit(entryId, taken, shortfall, balance);
    }

    /** Gives back what a debit took, to the very lots it took from (a cancelled redemption). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credit restore(UUID contactId, long debitEntryId, String cause, Refs refs, Instant now) {
        Account account = lock(contactId, now);
        long points = repository.uses(debitEntryId).values().stream().mapToLong(Long::longValue).sum();
        long balance = account.balance() + points;
        long entryId = repository.insertEntry(contactId, EntryKind.REVERSE, points, balance, 0, cause, refs, now);
        repository.refillLots(debitEntryId);
        repository.setBalance(contactId, balance, now);
        return new Credit(entryId, 0, balance);
    }

    /** Adds to the points a refund could not take back (write-off or debt, as the policy says). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordShortfall(UUID contactId, long shortfall, RefundShortfall policy) {
        repository.addShortfall(contactId, shortfall, policy);
    }

    public static ProblemException insufficient(long balance, long needed) {
        return new ProblemException(409, ProblemTypes.INSUFFICIENT_POINTS, "Insufficient points",
                "This needs " + needed + " points; the customer has " + balance + " available", List.of(),
                Map.of("balance", balance, "needed", needed));
    }
}
