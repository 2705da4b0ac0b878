package io.guanxi.crm.churn.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRuleResult", description = "What a run of the churn rule did")
public record ChurnRuleResult(
        @Schema(required = true, description = "Customers churned by this run (each gets an investigation activity for its owner)")
        int churned) {
}
