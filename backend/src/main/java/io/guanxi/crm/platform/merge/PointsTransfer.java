package io.guanxi.crm.platform.merge;

import java.util.UUID;

/**
 * A merge's points: the merged customer's balance leaves its account in one ledger entry and enters the
 * survivor's in others (one per lot, keeping each lot's expiry), so the append-only ledger still adds up;
 * undo is another such transfer the other way. Implemented by the loyalty feature; runs in the caller's
 * transaction.
 */
public interface PointsTransfer {

    /** Moves the whole available balance of {@code from} to {@code to}; returns the points moved (0 for none). */
    long transfer(UUID from, UUID to, UUID actor, String reason);

    /**
     * Moves {@code points} from {@code to} back to {@code from} (undo). Fails with a 409 problem when {@code to}
     * holds fewer points now (they were spent since) and writes nothing.
     */
    void transferBack(UUID from, UUID to, long points, UUID actor, String reason);
}
