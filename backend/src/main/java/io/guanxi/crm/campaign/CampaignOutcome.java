package io.guanxi.crm.campaign;

/**
 * What came of reaching out to one target: REACHED (spoke with them), NO_ANSWER, DECLINED, BOOKED (a visit,
 * a demo or an order agreed). REACHED, DECLINED and BOOKED all count as reached in the report.
 */
public enum CampaignOutcome {
    REACHED, NO_ANSWER, DECLINED, BOOKED;

    /** Whether someone spoke with the customer. */
    public boolean reached() {
        return this != NO_ANSWER;
    }
}
