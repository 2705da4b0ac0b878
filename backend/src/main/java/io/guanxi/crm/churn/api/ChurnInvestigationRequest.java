package io.guanxi.crm.churn.api;

import io.guanxi.crm.churn.ChurnCause;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnInvestigationRequest", description = "The cause found and the analysis of one churn")
public record ChurnInvestigationRequest(
        @NotNull @Schema(description = "Why the customer left") ChurnCause cause,
        @NotBlank @Size(max = 2000) @Schema(description = "The analysis: what happened and what we learn from it",
                examples = "竞争对手以低 15% 的价格挖走；我们三个月没有回访") String analysis) {
}
