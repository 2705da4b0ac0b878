package io.guanxi.crm.survey;

/** What made an invitation: a closed complaint, a purchase, the periodic relationship survey, or a person by hand. */
public enum SurveyTrigger {
    COMPLAINT_CLOSED,
    PURCHASE,
    PERIODIC,
    MANUAL
}
