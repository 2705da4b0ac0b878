package io.guanxi.crm.contact.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkCampaign", description = "The care campaign draft START_CARE_CAMPAIGN creates; its targets are the "
        + "selected customers. Edit and launch it under /api/v1/campaigns.")
public record ContactBulkCampaign(
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "春节问候") String name,
        @NotNull @Size(max = 12) @Pattern(regexp = "RELATIONSHIP|SERVICE|MARKETING|MIXED")
        @Schema(required = true, enumeration = {"RELATIONSHIP", "SERVICE", "MARKETING", "MIXED"}) String category,
        @NotBlank @Size(max = 4000) @Schema(required = true, examples = "您好，新春将至……") String script,
        @NotNull @Schema(required = true) LocalDate startsOn,
        @NotNull @Schema(required = true) LocalDate endsOn) {
}
