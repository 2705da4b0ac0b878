package io.guanxi.crm.winback.api;

import io.guanxi.crm.winback.WinbackOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackOutcomeRequest", description = "What approaching the customer came to")
public record WinbackOutcomeRequest(
        @NotNull WinbackOutcome outcome,
        @Size(max = 500) @Schema(description = "What the customer said") String note) {
}
