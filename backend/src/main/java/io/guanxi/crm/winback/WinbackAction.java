package io.guanxi.crm.winback;

/** What moves a plan on: start doing (activities), check the result, act on it, or cancel a plan not yet started. */
public enum WinbackAction {
    START, CHECK, ACT, CANCEL
}
