package io.guanxi.crm.lead;

/** Why a lead was lost (the SPA words each; a note may say more). */
public enum LostReason {
    PRICE, COMPETITOR, NO_NEED, NO_BUDGET, NO_RESPONSE, TIMING, PRODUCT_FIT, OTHER
}
