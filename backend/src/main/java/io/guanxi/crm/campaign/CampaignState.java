package io.guanxi.crm.campaign;

/** DRAFT (edited, previewed) → LAUNCHED (activities made, outcomes recorded) → CLOSED; a draft may be CANCELLED. */
public enum CampaignState {
    DRAFT, LAUNCHED, CLOSED, CANCELLED
}
