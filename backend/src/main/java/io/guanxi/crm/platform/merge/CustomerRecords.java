package io.guanxi.crm.platform.merge;

import java.util.List;
import java.util.UUID;

/**
 * The records one feature keeps about a customer, moved when contacts are merged (issue 20 §3): each
 * feature with rows that hang off a contact implements this once over its own tables (like
 * {@code PersonalData}), so the merge feature moves every kind of record without naming any feature's
 * table. Both methods run in the caller's transaction.
 */
public interface CustomerRecords {

    /** The kind's key in a merge's counts ({@code "interactions"}, {@code "leads"}, …), unique, camelCase. */
    String kind();

    /**
     * Moves every row of this kind from {@code from} to {@code to}; rows the target already has an
     * equivalent of (a campaign or plan targeting both) stay where they are.
     *
     * @return the ids of the rows moved (as text), what {@link #moveBack} takes
     */
    List<String> move(UUID from, UUID to);

    /**
     * Moves exactly these rows (an earlier {@link #move}'s answer) from {@code to} back to {@code from}.
     *
     * @return how many moved back; fewer than given means some row is no longer {@code to}'s
     */
    int moveBack(List<String> ids, UUID from, UUID to);
}
