package io.guanxi.crm.privacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The legal moves of a rights request: verify the person, then fulfil; refuse (with a reason) before it is fulfilled. */
public enum RequestAction {
    VERIFY, FULFIL, REFUSE;

    private static final Map<RequestState, Map<RequestAction, RequestState>> TRANSITIONS = new EnumMap<>(RequestState.class);

    static {
        on(RequestState.RECEIVED, VERIFY, RequestState.VERIFIED);
        on(RequestState.RECEIVED, REFUSE, RequestState.REFUSED);
        on(RequestState.VERIFIED, FULFIL, RequestState.FULFILLED);
        on(RequestState.VERIFIED, REFUSE, RequestState.REFUSED);
    }

    private static void on(RequestState from, RequestAction action, RequestState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(RequestAction.class)).put(action, to);
    }

    /** The state the action leads to, or null when it is not allowed from this state. */
    public static RequestState next(RequestState from, RequestAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).get(action);
    }

    public static List<RequestAction> allowed(RequestState from) {
        return List.copyOf(TRANSITIONS.getOrDefault(from, Map.of()).keySet());
    }
}
