package io.guanxi.crm.complaint;

import io.guanxi.crm.loyalty.LoyaltyAccounts;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Points given to make up for a complaint on its resolution: who may give how many, written to the loyalty ledger. */
@ApplicationScoped
public class ComplaintCompensation {

    @Inject
    LoyaltyAccounts loyalty;

    @Inject
    GuanxiConfig config;

    @Inject
    CurrentUser currentUser;

    /** Gives {@code points} (> 0) for the option the customer chose; an agent up to the configured limit, a manager more. */
    void give(Complaint c, long points, String chosenOption) {
        long limit = config.loyalty().agentCompensationLimit();
        if (points > limit && !currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Compensation above " + limit + " points needs a manager");
        }
        // The ledger's cause says what it is (COMPLAINT_COMPENSATION); the reason is the option chosen, in the agent's words.
        loyalty.compensate(c.contactId, points, chosenOption, currentUser.id());
        c.compensationPoints += points;
    }
}
