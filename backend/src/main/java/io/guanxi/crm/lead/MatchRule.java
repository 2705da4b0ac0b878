package io.guanxi.crm.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One criterion of the match score: when the lead's field has this value, add these points. */
@Schema(name = "MatchRule")
public record MatchRule(
        @NotNull MatchField field,
        @NotBlank @Size(max = 100) @Schema(examples = "REFERRAL") String value,
        @NotNull @Min(0) @Max(100) Integer points) {
}
