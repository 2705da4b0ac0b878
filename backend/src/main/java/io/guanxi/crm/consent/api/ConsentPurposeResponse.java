package io.guanxi.crm.consent.api;

import io.guanxi.crm.consent.LegalBasis;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentPurpose")
public record ConsentPurposeResponse(@Schema(required = true) UUID id, @Schema(required = true) String code,
        @Schema(required = true) String nameZh, @Schema(required = true) String nameEn, String description,
        @Schema(required = true) LegalBasis legalBasis, @Schema(required = true) boolean profileFlagGrants,
        @Schema(required = true) boolean active, @Schema(required = true) long version,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {
}
