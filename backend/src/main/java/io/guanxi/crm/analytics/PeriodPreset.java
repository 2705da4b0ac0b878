package io.guanxi.crm.analytics;

/** The period a figure covers, in the business time zone; CUSTOM takes {@code from} and {@code to}. */
public enum PeriodPreset {
    THIS_MONTH, LAST_MONTH, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_YEAR, CUSTOM
}
