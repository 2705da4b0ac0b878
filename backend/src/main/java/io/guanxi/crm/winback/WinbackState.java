package io.guanxi.crm.winback;

/** Where a win-back plan is in its PDCA cycle (000: Plan → Do → Check → Act), or cancelled before it began. */
public enum WinbackState {
    PLAN, DO, CHECK, ACT, CANCELLED
}
