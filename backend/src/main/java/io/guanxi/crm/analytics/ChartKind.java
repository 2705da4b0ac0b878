package io.guanxi.crm.analytics;

/** How the web app draws a table (every chart also has its table, for screen readers and export). */
public enum ChartKind {
    FUNNEL, BAR, HORIZONTAL_BAR, STACKED_BAR, PIE, LINE, TABLE
}
