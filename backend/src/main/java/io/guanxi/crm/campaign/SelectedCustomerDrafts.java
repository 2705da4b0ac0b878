package io.guanxi.crm.campaign;

import io.guanxi.crm.campaign.api.CampaignRequest;
import io.guanxi.crm.campaign.api.Segment;
import io.guanxi.crm.contact.CareCampaignDrafts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A care campaign drafted from a selection on the contact list (bulk START_CARE_CAMPAIGN): an ordinary draft
 * whose segment names exactly the selected customers, created through {@link CampaignService#create} so every
 * rule of a draft holds; launching it applies the caller's visibility, consent and archive rules as for any other.
 */
@ApplicationScoped
public class SelectedCustomerDrafts implements CareCampaignDrafts {

    @Inject
    CampaignService campaigns;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID draftFor(String name, String category, String script, LocalDate startsOn, LocalDate endsOn, List<UUID> contactIds) {
        Segment segment = new Segment(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.copyOf(contactIds));
        return campaigns.create(new CampaignRequest(name, CampaignCategory.valueOf(category), segment, script, startsOn, endsOn,
                null, null)).id();
    }
}
