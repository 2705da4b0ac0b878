package io.guanxi.crm.churnrisk;

import io.guanxi.crm.platform.merge.CustomersMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** After a merge or its undo, the churn risk of the contacts involved is recomputed (a merged contact loses its row). */
@ApplicationScoped
public class ChurnRiskMergeObserver {

    @Inject
    ChurnRiskRecompute recompute;

    void onMerged(@Observes CustomersMerged event) {
        recompute.recompute(event.contactIds());
    }
}
