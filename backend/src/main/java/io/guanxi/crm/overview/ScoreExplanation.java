package io.guanxi.crm.overview;

import io.guanxi.crm.churnrisk.api.ChurnRiskResponse;
import io.guanxi.crm.consent.ScoringState;
import io.guanxi.crm.lead.LeadStatus;
import io.guanxi.crm.lead.api.ScoreBreakdown;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the automated scores about a customer were reached (PIPL Art. 24: the person may ask for the explanation). */
@Schema(name = "ScoreExplanation")
public record ScoreExplanation(
        @Schema(required = true) UUID contactId,
        @Schema(required = true, description = "NOT_SCORED_AT_CUSTOMER_REQUEST when the customer objected to profiling: no lead "
                + "or churn-risk score is computed for them") ScoringState profiling,
        @Schema(required = true, description = "Each lead about the customer you may see: the rules that fired, the activity, "
                + "the weights and thresholds") List<LeadScoreExplanation> leads,
        @Schema(description = "The churn-risk score with every signal's value, weight and points and the facts behind them; "
                + "absent when the contact is not a customer (yet) or not scored yet") ChurnRiskResponse churnRisk) {

    @Schema(name = "LeadScoreExplanation")
    public record LeadScoreExplanation(@Schema(required = true) UUID leadId, @Schema(required = true) LeadStatus status,
            @Schema(required = true) ScoreBreakdown breakdown) {
    }
}
