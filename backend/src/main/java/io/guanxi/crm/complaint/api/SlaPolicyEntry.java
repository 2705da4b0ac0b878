package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintSlaPolicy", description = "The SLA of one severity, in minutes")
public record SlaPolicyEntry(
        @NotNull Severity severity,
        @NotNull @Min(1) @Max(525_600) @Schema(description = "First response (acknowledgement)") Integer acknowledgeMinutes,
        @NotNull @Min(1) @Max(525_600) Integer resolveMinutes,
        @NotNull @Min(1) @Max(525_600) @Schema(description = "Follow-up call after the resolution (24 h = 1440)") Integer followUpMinutes,
        @NotNull @Min(0) @Max(10_080) @Schema(description = "Warn the agent this long before the resolution is due") Integer warnBeforeMinutes) {
}
