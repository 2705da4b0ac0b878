package io.guanxi.crm.loyalty.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedemptionRequest")
public record RedemptionRequest(
        @NotNull UUID contactId,
        @NotNull UUID rewardId,
        @Min(1) @Max(100) @Schema(description = "1 when omitted", examples = "1") Integer quantity) {
}
