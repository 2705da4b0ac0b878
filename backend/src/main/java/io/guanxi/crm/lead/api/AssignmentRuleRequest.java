package io.guanxi.crm.lead.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.lead.AssignmentStrategy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AssignmentRuleRequest(
        @NotNull @Min(0) @Schema(description = "Rules are tried in ascending position") Integer position,
        @NotBlank @Size(max = 100) @Schema(examples = "华东科技高分线索") String name,
        @Schema(description = "Empty matches every region") Region region,
        @Size(max = 64) @Schema(description = "Empty matches every industry", examples = "科技") String industry,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(examples = "80") BigDecimal minScore,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> assigneeIds,
        @NotNull AssignmentStrategy strategy,
        @Schema(description = "true when omitted") Boolean active) {
}
