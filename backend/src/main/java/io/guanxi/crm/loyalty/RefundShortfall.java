package io.guanxi.crm.loyalty;

/**
 * What happens when a refund should take back points the customer has already spent: the balance
 * never goes below zero, so the part that cannot be taken back is either written off (and reported)
 * or kept as a debt that the customer's next earnings pay off first.
 */
public enum RefundShortfall {
    WRITE_OFF, OFFSET_FUTURE_EARNINGS
}
