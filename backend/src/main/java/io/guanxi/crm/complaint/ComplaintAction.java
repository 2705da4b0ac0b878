package io.guanxi.crm.complaint;

/** What an agent does to move a complaint on. */
public enum ComplaintAction {
    /** Step 1: listen and empathise. */
    ACKNOWLEDGE,
    /** Step 2: apologise and attribute the cause. */
    IDENTIFY_CAUSE,
    /** Step 3: offer two or three solutions. */
    OFFER_SOLUTIONS,
    /** The customer's choice, carried out. */
    RESOLVE,
    /** Step 4: the call-back within 24 hours, with satisfaction. */
    FOLLOW_UP,
    CLOSE,
    /** Back to work, with a reason. */
    REOPEN
}
