package io.guanxi.crm.consent.api;

import io.guanxi.crm.consent.LegalBasis;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose to define or change (admins). The code is fixed once created. */
@Schema(name = "ConsentPurposeRequest")
public record ConsentPurposeRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE letters and digits")
        @Schema(required = true, description = "UPPER_SNAKE, unique; cannot change once created", examples = "EVENT_INVITATIONS") String code,
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "活动邀请") String nameZh,
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "Event invitations") String nameEn,
        @Size(max = 1000) @Schema(description = "What the information is used for, as told to the customer") String description,
        @NotNull @Schema(required = true, description = "PIPL Art. 13; only CONSENT needs the customer's agreement") LegalBasis legalBasis,
        @Schema(description = "Without a ledger entry, the profile's marketing-consent tick counts as the grant (false when omitted)")
        Boolean profileFlagGrants,
        @Schema(description = "An inactive purpose takes no new entries (true when omitted)") Boolean active) {
}
