package io.guanxi.crm.consent.api;

import io.guanxi.crm.consent.ConsentStatus;
import io.guanxi.crm.consent.LegalBasis;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's current state for one purpose. */
@Schema(name = "ConsentState")
public record ConsentStateResponse(@Schema(required = true) String purpose, @Schema(required = true) String nameZh,
        @Schema(required = true) String nameEn, @Schema(required = true) LegalBasis legalBasis,
        @Schema(required = true) boolean active,
        @Schema(required = true, description = "GRANTED / WITHDRAWN from the latest entry; otherwise the default: "
                + "GRANTED_ON_PROFILE, NOT_REQUIRED (another legal basis) or NOT_GIVEN") ConsentStatus status,
        @Schema(required = true, description = "Whether the purpose is pursued for this customer") boolean allowed,
        @Schema(description = "When the latest entry was recorded; absent for a default") Instant since) {
}
