package io.guanxi.crm.loyalty;

/** When earned points expire: a fixed number of months after earning, or at the end of the next calendar year. */
public enum ExpiryMode {
    MONTHS_AFTER_EARNING, END_OF_NEXT_YEAR
}
