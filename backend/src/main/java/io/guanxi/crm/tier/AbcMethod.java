package io.guanxi.crm.tier;

/** How ABC cut-offs are read: as shares of cumulative revenue, or of the ranked customers. */
public enum AbcMethod {
    CUMULATIVE_REVENUE, RANK_SHARE
}
