package io.guanxi.crm.lead.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.lead.LeadStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lead to create or update. On create, name the contact it is about (contactId) or describe a new
 * person (newContact, created as a POTENTIAL contact with the usual duplicate check).
 */
@Schema(name = "LeadRequest")
public record LeadRequest(
        @Schema(description = "An existing contact visible to you (create only)") UUID contactId,
        @Valid @Schema(description = "A new person, when contactId is not given (create only)") ContactRequest newContact,
        @NotNull SourceChannel sourceChannel,
        @Size(max = 100) @Schema(examples = "企业培训课程") String productInterest,
        @Size(max = 64) @Schema(examples = "科技") String industry,
        Region region,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(examples = "120000") BigDecimal budget,
        @Size(max = 4000) String notes,
        @Schema(description = "NEW when omitted on create") LeadStatus status,
        @Size(max = 500) @Schema(description = "A note on why it was lost; with no lostReasonCode it counts as OTHER") String lostReason,
        @Schema(description = "Why it was lost; LOST needs this or a lostReason") io.guanxi.crm.lead.LostReason lostReasonCode,
        @Schema(description = "Owner; managers and admins only. Empty leaves the lead unassigned.") UUID ownerId) {
}
