package io.guanxi.crm.tier;

import io.guanxi.crm.platform.merge.CustomersMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * After a merge or its undo, the window figures of the contacts involved are refreshed from their purchases now
 * (the sales rollup follows the purchases by its triggers); a level rises at once, as after a sale, and never falls
 * outside the periodic review.
 */
@ApplicationScoped
public class TierMergeObserver {

    @Inject
    TierService tiers;

    void onMerged(@Observes CustomersMerged event) {
        event.contactIds().forEach(tiers::refreshFromPurchases);
    }
}
