package io.guanxi.crm.winback;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The legal moves of a win-back plan: PLAN → DO (activities made) → CHECK (the result measured) → ACT (what changes,
 * and perhaps the next cycle, which starts again at PLAN). Only a plan not yet started may be cancelled: once
 * activities are on people's lists the cycle runs to its check.
 */
public final class WinbackStateMachine {

    private static final Map<WinbackState, Map<WinbackAction, WinbackState>> TRANSITIONS = new EnumMap<>(WinbackState.class);

    static {
        on(WinbackState.PLAN, WinbackAction.START, WinbackState.DO);
        on(WinbackState.PLAN, WinbackAction.CANCEL, WinbackState.CANCELLED);
        on(WinbackState.DO, WinbackAction.CHECK, WinbackState.CHECK);
        on(WinbackState.CHECK, WinbackAction.ACT, WinbackState.ACT);
    }

    private WinbackStateMachine() {
    }

    private static void on(WinbackState from, WinbackAction action, WinbackState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(WinbackAction.class)).put(action, to);
    }

    /** The state the action leads to, or null when it is not allowed from this state. */
    public static WinbackState next(WinbackState from, WinbackAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).get(action);
    }

    /** What may be done next from this state. */
    public static List<WinbackAction> allowed(WinbackState from) {
        return List.copyOf(TRANSITIONS.getOrDefault(from, Map.of()).keySet());
    }

    /** Whether the plan's customers, goal and script may still be edited. */
    public static boolean editable(WinbackState state) {
        return state == WinbackState.PLAN;
    }

    /** Whether owners record outcomes now: while the plan is being done. */
    public static boolean recordsOutcomes(WinbackState state) {
        return state == WinbackState.DO;
    }

    /** Whether the goal is met: won back at least goalPercent of the targets (no targets: never). */
    public static boolean goalMet(int targets, int wonBack, int goalPercent) {
        return targets > 0 && wonBack * 100L >= (long) goalPercent * targets;
    }
}
