package io.guanxi.crm.overview;

import io.guanxi.crm.churnrisk.ChurnRiskService;
import io.guanxi.crm.consent.ConsentService;
import io.guanxi.crm.consent.ScoringState;
import io.guanxi.crm.lead.LeadService;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Composes the explanation of a customer's scores from the lead and churn-risk breakdowns (each checks visibility). */
@ApplicationScoped
public class ScoreExplanationService {

    @Inject
    Visibility visibility;

    @Inject
    LeadService leads;

    @Inject
    ChurnRiskService churnRisk;

    @Inject
    ConsentService consents;

    @Transactional
    public ScoreExplanation of(UUID contactId) {
        visibility.requireContact(contactId);
        return new ScoreExplanation(contactId,
                consents.objectsToProfiling(contactId) ? ScoringState.NOT_SCORED_AT_CUSTOMER_REQUEST : ScoringState.SCORED,
                leads.ofContact(contactId).stream()
                        .map(l -> new ScoreExplanation.LeadScoreExplanation(l.id(), l.status(), leads.breakdown(l.id()))).toList(),
                churnRisk.find(contactId).orElse(null));
    }
}
