package io.guanxi.crm.winback.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackActRequest", description = "Act: what changes after the check (at least one), and whether the next cycle begins")
public record WinbackActRequest(
        @Size(max = 2000) @Schema(description = "A change to a policy (e.g. the churn or care rules)") String policyChange,
        @Size(max = 2000) @Schema(description = "A change to the script") String scriptChange,
        @Size(max = 2000) @Schema(description = "Training the team needs") String trainingChange,
        @NotNull @Schema(description = "Open the next cycle: a new plan, in PLAN, for the customers not won back") Boolean nextCycle,
        @Schema(description = "The next cycle's check date (needed with nextCycle)") LocalDate nextCheckDate) {
}
