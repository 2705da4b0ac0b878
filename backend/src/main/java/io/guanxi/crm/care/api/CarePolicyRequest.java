package io.guanxi.crm.care.api;

import io.guanxi.crm.care.Occasion;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CarePolicyRequest", description = "A new version of the care policy (admins)")
public record CarePolicyRequest(
        @NotNull @Min(0) @Max(30) @Schema(description = "The care activity is due this many days before the occasion", examples = "3")
        Integer daysBefore,
        @NotNull @Size(max = 12) @Schema(description = "The occasions that make care activities") Set<@NotNull Occasion> occasions,
        @NotNull @Size(max = 3) @Schema(description = "A personal call for customers in these ABC tiers", examples = "[\"A\"]")
        Set<@NotNull @Size(max = 1) @Pattern(regexp = "A|B|C") String> callAbcTiers,
        @Schema(description = "…or at this membership level and above (absent: the level does not decide); a greeting message for the others")
        MembershipLevel callMinLevel,
        @NotBlank @Size(max = 500) @Schema(description = "The greeting in Chinese; placeholders {honorific}, {name}, {occasion}",
                examples = "{honorific}{name}，值此{occasion}之际，祝您和家人幸福安康！") String greetingZh,
        @NotBlank @Size(max = 500) @Schema(description = "The greeting in English; the same placeholders",
                examples = "{honorific} {name}, warm wishes for {occasion}!") String greetingEn) {
}
