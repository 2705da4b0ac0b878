package io.guanxi.crm.privacy.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetentionRun", description = "What a run of the retention job listed")
public record RetentionRun(
        @Schema(required = true, description = "Customers newly listed for review") int listed,
        @Schema(required = true, description = "Customers with no contact since this instant are listed") Instant cutoff,
        @Schema(required = true) int noContactYears) {
}
