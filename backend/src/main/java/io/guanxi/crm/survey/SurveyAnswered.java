package io.guanxi.crm.survey;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the transaction that stored a customer's answer, for features that weigh it (churn risk) without the
 * survey feature depending on them.
 */
public record SurveyAnswered(UUID contactId, SurveyTemplate template, int score, Instant answeredAt) {
}
