package io.guanxi.crm.churn.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnPolicyRequest", description = "A new version of the churn policy (admins)")
public record ChurnPolicyRequest(
        @NotNull @Min(1) @Max(36) @Schema(description = "A customer with no purchase for this many months is churned by the daily rule",
                examples = "6") Integer monthsWithoutPurchase,
        @NotNull @Schema(description = "Whether the daily rule runs (false: customers are churned by hand only)") Boolean ruleEnabled) {
}
