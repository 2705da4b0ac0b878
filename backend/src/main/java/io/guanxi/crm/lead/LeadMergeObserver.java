package io.guanxi.crm.lead;

import io.guanxi.crm.platform.merge.CustomersMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** After a merge or its undo, the open leads of the contacts involved are rescored: their interactions moved. */
@ApplicationScoped
public class LeadMergeObserver {

    @Inject
    LeadRepository leads;

    @Inject
    LeadRescoring rescoring;

    @Inject
    ScoringPolicyService policies;

    @Inject
    Clock clock;

    void onMerged(@Observes CustomersMerged event) {
        List<UUID> open = event.contactIds().stream().flatMap(id -> leads.openLeadIdsOfContact(id).stream()).toList();
        rescoring.rescore(open, policies.current().version, ScoreCause.LEAD_EDITED, clock.instant());
    }
}
