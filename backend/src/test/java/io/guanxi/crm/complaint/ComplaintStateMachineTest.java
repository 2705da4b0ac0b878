package io.guanxi.crm.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every legal transition of the four-step playbook, and every other (state, action) pair refused. */
class ComplaintStateMachineTest {

    private static final Map<String, ComplaintState> LEGAL = Map.of(
            "RECEIVED/ACKNOWLEDGE", ComplaintState.ACKNOWLEDGED,
            "ACKNOWLEDGED/IDENTIFY_CAUSE", ComplaintState.CAUSE_IDENTIFIED,
            "CAUSE_IDENTIFIED/OFFER_SOLUTIONS", ComplaintState.SOLUTIONS_OFFERED,
            "SOLUTIONS_OFFERED/RESOLVE", ComplaintState.RESOLVED,
            "RESOLVED/FOLLOW_UP", ComplaintState.FOLLOWED_UP,
            "FOLLOWED_UP/CLOSE", ComplaintState.CLOSED,
            "RESOLVED/REOPEN", ComplaintState.ACKNOWLEDGED,
            "FOLLOWED_UP/REOPEN", ComplaintState.ACKNOWLEDGED,
            "CLOSED/REOPEN", ComplaintState.ACKNOWLEDGED);

    @Test
    void exactlyTheLegalTransitionsAreAllowed() {
        int legal = 0;
        for (ComplaintState state : ComplaintState.values()) {
            for (ComplaintAction action : ComplaintAction.values()) {
                ComplaintState expected = LEGAL.get(state + "/" + action);
                assertEquals(expected, ComplaintStateMachine.next(state, action), state + " " + action);
                assertEquals(expected != null, ComplaintStateMachine.allowed(state).contains(action), state + " " + action);
                legal += expected == null ? 0 : 1;
            }
        }
        assertEquals(LEGAL.size(), legal);
    }

    @Test
    void noStepCanBeSkipped() {
        assertNull(ComplaintStateMachine.next(ComplaintState.RECEIVED, ComplaintAction.RESOLVE));
        assertNull(ComplaintStateMachine.next(ComplaintState.ACKNOWLEDGED, ComplaintAction.OFFER_SOLUTIONS));
        assertNull(ComplaintStateMachine.next(ComplaintState.RESOLVED, ComplaintAction.CLOSE));
        assertNull(ComplaintStateMachine.next(ComplaintState.RECEIVED, ComplaintAction.REOPEN));
    }

    @Test
    void twoOrThreeOptionsOnly() {
        assertFalse(ComplaintStateMachine.validOptionCount(0));
        assertFalse(ComplaintStateMachine.validOptionCount(1));
        assertTrue(ComplaintStateMachine.validOptionCount(2));
        assertTrue(ComplaintStateMachine.validOptionCount(3));
        assertFalse(ComplaintStateMachine.validOptionCount(4));
    }
}
