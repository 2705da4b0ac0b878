package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.merge.PointsTransfer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A merge's points as ledger entries (issue 20 §3): the balance leaves one account in an ADJUST entry
 * ({@code MERGE_OUT}) and enters the other in ADJUST entries ({@code MERGE_IN}), one per lot it came from,
 * each new lot expiring when the lot it replaces would have. Nothing in the ledger is changed or deleted, so
 * every account's entries still sum to its balance. A debt from an earlier refund stays where it was.
 */
@ApplicationScoped
public class PointsMergeTransfer implements PointsTransfer {

    @Inject
    PointsLedger ledger;

    @Inject
    PointsLedgerRepository repository;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long transfer(UUID from, UUID to, UUID actor, String reason) {
        long balance = repository.lockAccount(from).map(PointsLedger.Account::balance).orElse(0L);
        if (balance > 0) {
            move(from, to, balance, "MERGE_OUT", "MERGE_IN", actor, reason);
        }
        return balance;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferBack(UUID from, UUID to, long points, UUID actor, String reason) {
        if (points == 0) {
            return;
        }
        long balance = repository.lockAccount(to).map(PointsLedger.Account::balance).orElse(0L);
        if (balance < points) {
            throw new ProblemException(409, ProblemTypes.MERGE_NOT_UNDOABLE, "Merge cannot be undone",
                    "The survivor has spent points it received in the merge; undoing it would take more than it holds",
                    List.of(), Map.of("reason", "POINTS_SPENT", "balance", balance, "needed", points));
        }
        move(to, from, points, "MERGE_UNDO_OUT", "MERGE_UNDO_IN", actor, reason);
    }

    private void move(UUID source, UUID target, long points, String outCause, String inCause, UUID actor, String reason) {
        Instant now = clock.instant();
        List<PointsLots.Lot> lots = repository.openLots(source);
        Map<Long, Instant> expiry = lots.stream().collect(Collectors.toMap(PointsLots.Lot::id, PointsLots.Lot::expiresAt));
        List<PointsLots.Take> takes = PointsLots.take(lots, points, null);
        PointsLedger.Refs refs = PointsLedger.Refs.actor(actor, reason);
        ledger.debit(source, EntryKind.ADJUST, points, outCause, refs, now, null, false);
        PointsLedger.Refs back = PointsLedger.Refs.actor(actor, reason);
        // One credit per lot, so the points keep their expiry; lots expiring alike are one credit.
        Map<Instant, Long> byExpiry = takes.stream().collect(Collectors.groupingBy(t -> expiry.get(t.lotId()),
                java.util.TreeMap::new, Collectors.summingLong(PointsLots.Take::points)));
        byExpiry.forEach((expiresAt, taken) -> ledger.credit(target, EntryKind.ADJUST, taken, inCause, back, now, expiresAt));
    }
}
