package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contact list's own filters (GET /api/v1/contacts), for "all N matching". */
@Schema(name = "ContactBulkFilter", description = "The contact list's filters, as GET /api/v1/contacts takes them; "
        + "the selection is every contact they match that you may see")
public record ContactBulkFilter(
        @Size(max = 100) @Schema(nullable = true) String q,
        @Schema(nullable = true) UUID ownerId,
        @Size(max = 20) @Schema(nullable = true) List<@NotBlank @Size(max = 32) String> tags,
        @Schema(nullable = true) LifecycleStage lifecycleStage,
        @Schema(nullable = true) Region region,
        @Size(max = 64) @Schema(nullable = true) String industry,
        @Size(max = 8) @Pattern(regexp = "A|B|C|INACTIVE") @Schema(nullable = true, enumeration = {"A", "B", "C", "INACTIVE"}) String abcTier,
        @Size(max = 8) @Pattern(regexp = "SILVER|GOLD|PLATINUM") @Schema(nullable = true, enumeration = {"SILVER", "GOLD", "PLATINUM"})
        String membershipLevel,
        @Schema(nullable = true, description = "true selects among archived contacts") Boolean archived) {
}
