package io.guanxi.crm.campaign.api;

import io.guanxi.crm.churnrisk.ChurnRiskLevel;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saved customer filter: each list narrows (a customer matches one of its values), an empty list does not;
 * the criteria are ANDed. Never archived customers. Reused by whatever targets customers (campaigns, win-back
 * plans) through {@code campaign.Segments}.
 */
@Schema(name = "Segment")
public record Segment(
        @NotNull @Size(max = 4) @Schema(required = true, description = "ABC value tiers (A, B, C, INACTIVE); empty: any",
                examples = "[\"A\", \"B\"]") List<@NotNull @Size(max = 8) @Pattern(regexp = "A|B|C|INACTIVE") String> abcTiers,
        @NotNull @Size(max = 3) @Schema(required = true, description = "Membership levels; empty: any")
        List<@NotNull MembershipLevel> membershipLevels,
        @NotNull @Size(max = 5) @Schema(required = true, description = "Lifecycle stages; empty: any")
        List<@NotNull LifecycleStage> lifecycleStages,
        @NotNull @Size(max = 20) @Schema(required = true, description = "Tags, any of them; empty: any", examples = "[\"VIP\"]")
        List<@NotBlank @Size(max = 32) String> tags,
        @NotNull @Size(max = 9) @Schema(required = true, description = "Regions; empty: any") List<@NotNull Region> regions,
        @Min(1) @Max(3650) @Schema(nullable = true, description = "Not contacted for at least this many days (never contacted "
                + "counts); empty: any", examples = "60") Integer notContactedForDays,
        @Size(max = 3) @Schema(nullable = true, description = "Churn-risk levels (a customer scored at one of them); absent or "
                + "empty: any", examples = "[\"HIGH\"]") List<@NotNull ChurnRiskLevel> churnRiskLevels,
        @Size(max = 10000) @Schema(nullable = true, description = "Only these customers (a selection from the contact list's bulk "
                + "action); absent: any") List<@NotNull UUID> contactIds) {

    /** Matches every customer. */
    public static Segment everyone() {
        return new Segment(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), null);
    }

    /** The same filter with its lists sorted and deduplicated, so that the same choice always reads the same. */
    public Segment normalised() {
        return new Segment(abcTiers.stream().distinct().sorted().toList(), membershipLevels.stream().distinct().sorted().toList(),
                lifecycleStages.stream().distinct().sorted().toList(), tags.stream().map(String::trim).distinct().sorted().toList(),
                regions.stream().distinct().sorted().toList(), notContactedForDays,
                churnRiskLevels == null ? List.of() : churnRiskLevels.stream().distinct().sorted().toList(),
                contactIds == null ? null : contactIds.stream().distinct().sorted().toList());
    }
}
