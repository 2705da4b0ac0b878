package io.guanxi.crm.overview;

import io.guanxi.crm.complaint.ComplaintService;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.interaction.InteractionService;
import io.guanxi.crm.lead.LeadService;
import io.guanxi.crm.purchase.PurchaseService;
import io.guanxi.crm.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Composes the 360° view from the features' published services (each checks what the caller may
 * see). The overview feature owns no table: it is the one feature whose job is to call the others.
 */
@ApplicationScoped
public class ContactOverviewService {

    private static final int RECENT = 10;

    @Inject
    ContactService contacts;

    @Inject
    InteractionService interactions;

    @Inject
    LeadService leads;

    @Inject
    PurchaseService purchases;

    @Inject
    TierService tiers;

    @Inject
    ComplaintService complaints;

    @Transactional
    public ContactOverview of(UUID id) {
        return new ContactOverview(contacts.openProfile(id), interactions.stats(id),
                interactions.list(id, 0, RECENT, null).items(), leads.ofContact(id),
                purchases.list(id, 0, RECENT, null).items(), tiers.valueIfCustomer(id), complaints.ofContact(id),
                complaints.churnRisk(id));
    }
}
