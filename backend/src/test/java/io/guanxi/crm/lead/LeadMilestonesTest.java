package io.guanxi.crm.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a lead first reached each step: cumulative, never moved by a later move; lost only while LOST. */
class LeadMilestonesTest {

    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T00:00:00Z");

    @Test
    void aJumpStampsTheStepsOnTheWayAndAnEarlierStampStays() {
        Lead lead = new Lead();
        lead.reach(LeadStatus.NEW, T1);
        assertNull(lead.contactedAt);
        lead.reach(LeadStatus.QUALIFIED, T2);
        assertEquals(T2, lead.contactedAt);
        assertEquals(T2, lead.qualifiedAt);
        lead.reach(LeadStatus.CONTACTED, T3);
        lead.reach(LeadStatus.CONVERTED, T3);
        assertEquals(T2, lead.contactedAt, "the first contact stays");
        assertEquals(T2, lead.qualifiedAt);
        assertEquals(T3, lead.convertedAt);
        assertNull(lead.lostAt);
    }

    @Test
    void lostIsStampedWhileLostAndClearedWhenReopened() {
        Lead lead = new Lead();
        lead.reach(LeadStatus.LOST, T1);
        assertEquals(T1, lead.lostAt);
        assertNull(lead.contactedAt, "lost without a contact");
        lead.reach(LeadStatus.NEW, T2);
        assertNull(lead.lostAt);
        lead.reach(LeadStatus.LOST, T3);
        assertEquals(T3, lead.lostAt);
    }
}
