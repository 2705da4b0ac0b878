package io.guanxi.crm.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a bulk START_CARE_CAMPAIGN needs from the campaign feature, which depends on this one: a draft
 * campaign whose targets are exactly these customers (implemented in {@code campaign.SelectedCustomerDrafts}).
 * The caller has checked that it may see each of them; launching applies the campaign's own rules again.
 */
public interface CareCampaignDrafts {

    /** Creates the draft as the current user and returns its id. */
    UUID draftFor(String name, String category, String script, LocalDate startsOn, LocalDate endsOn, List<UUID> contactIds);
}
