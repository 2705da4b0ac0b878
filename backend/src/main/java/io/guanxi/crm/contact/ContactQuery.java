package io.guanxi.crm.contact;

import java.util.List;
import java.util.UUID;

/** Filters of the contact list; all optional and combined with AND. */
public record ContactQuery(String q, UUID ownerId, List<String> tags, LifecycleStage lifecycleStage, Region region,
        String industry, boolean archived, String abcTier, String membershipLevel) {
}
