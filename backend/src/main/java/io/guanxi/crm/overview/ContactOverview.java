package io.guanxi.crm.overview;

import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.interaction.api.InteractionResponse;
import io.guanxi.crm.interaction.api.InteractionStats;
import io.guanxi.crm.lead.api.LeadResponse;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.purchase.api.PurchaseResponse;
import io.guanxi.crm.tier.api.CustomerValueResponse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 360° view of a customer (SPEC §1): one response with everything known about them. */
@Schema(name = "ContactOverview")
public record ContactOverview(
        @Schema(required = true) ContactResponse contact,
        @Schema(required = true) InteractionStats interactionStats,
        @Schema(required = true, description = "The 10 most recent interactions, newest first")
        List<InteractionResponse> recentInteractions,
        @Schema(required = true, description = "Leads about this contact that you may see, newest first")
        List<LeadResponse> leads,
        @Schema(required = true, description = "The 10 most recent purchases, newest first") List<PurchaseResponse> recentPurchases,
        @Schema(description = "Tier, quadrant, level, RFM and CLV; empty until the contact's first purchase") CustomerValueResponse value,
        @Schema(required = true, description = "The contact's complaints, newest first") List<ComplaintResponse> complaints,
        @Schema(required = true, description = "An open HIGH or CRITICAL complaint puts the customer at churn risk") boolean churnRisk) {
}
