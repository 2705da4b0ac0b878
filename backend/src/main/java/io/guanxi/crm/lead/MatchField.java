package io.guanxi.crm.lead;

/** What a match rule looks at. BUDGET_AT_LEAST compares numerically; the others are equal-to tests. */
public enum MatchField {
    SOURCE, REGION, INDUSTRY, PRODUCT_INTEREST, BUDGET_AT_LEAST
}
