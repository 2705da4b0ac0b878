package io.guanxi.crm.complaint;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The legal transitions of a complaint. Each step leads to the next; a resolved complaint may be
 * closed without the follow-up only after it, and reopening (with a reason) goes back to ACKNOWLEDGED:
 * the customer has been heard, the cause and the solutions must be found again.
 */
public final class ComplaintStateMachine {

    private static final Map<ComplaintState, Map<ComplaintAction, ComplaintState>> TRANSITIONS = new EnumMap<>(ComplaintState.class);

    static {
        on(ComplaintState.RECEIVED, ComplaintAction.ACKNOWLEDGE, ComplaintState.ACKNOWLEDGED);
        on(ComplaintState.ACKNOWLEDGED, ComplaintAction.IDENTIFY_CAUSE, ComplaintState.CAUSE_IDENTIFIED);
        on(ComplaintState.CAUSE_IDENTIFIED, ComplaintAction.OFFER_SOLUTIONS, ComplaintState.SOLUTIONS_OFFERED);
        on(ComplaintState.SOLUTIONS_OFFERED, ComplaintAction.RESOLVE, ComplaintState.RESOLVED);
        on(ComplaintState.RESOLVED, ComplaintAction.FOLLOW_UP, ComplaintState.FOLLOWED_UP);
        on(ComplaintState.FOLLOWED_UP, ComplaintAction.CLOSE, ComplaintState.CLOSED);
        on(ComplaintState.RESOLVED, ComplaintAction.REOPEN, ComplaintState.ACKNOWLEDGED);
        on(ComplaintState.FOLLOWED_UP, ComplaintAction.REOPEN, ComplaintState.ACKNOWLEDGED);
        on(ComplaintState.CLOSED, ComplaintAction.REOPEN, ComplaintState.ACKNOWLEDGED);
    }

    private ComplaintStateMachine() {
    }

    private static void on(ComplaintState from, ComplaintAction action, ComplaintState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(ComplaintAction.class)).put(action, to);
    }

    /** The state the action leads to, or null when it is not allowed from this state. */
    public static ComplaintState next(ComplaintState from, ComplaintAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).get(action);
    }

    /** What may be done next from this state. */
    public static List<ComplaintAction> allowed(ComplaintState from) {
        return List.copyOf(TRANSITIONS.getOrDefault(from, Map.of()).keySet());
    }

    /** Step 3 offers two or three options (001): fewer is no choice, more overwhelms. */
    public static boolean validOptionCount(int count) {
        return count >= 2 && count <= 3;
    }
}
