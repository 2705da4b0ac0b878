package io.guanxi.crm.contact;

/** Lifecycle stages (SPEC §4): 潜在期 → 认知期 → 购买期 → 忠诚期 → 流失期. */
public enum LifecycleStage {
    POTENTIAL, AWARENESS, PURCHASE, LOYALTY, CHURNED
}
