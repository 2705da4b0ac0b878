package io.guanxi.crm.winback;

/** What an owner's approach to a customer came to; winning back is measured from purchases, not said. */
public enum WinbackOutcome {
    REACHED, NO_ANSWER, DECLINED, BOOKED
}
