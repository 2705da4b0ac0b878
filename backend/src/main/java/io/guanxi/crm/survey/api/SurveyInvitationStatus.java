package io.guanxi.crm.survey.api;

/** OPEN: can be answered; ANSWERED; EXPIRED: not answered in time. */
public enum SurveyInvitationStatus {
    OPEN,
    ANSWERED,
    EXPIRED
}
