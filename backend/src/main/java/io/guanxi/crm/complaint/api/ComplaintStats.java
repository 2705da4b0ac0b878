package io.guanxi.crm.complaint.api;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintStats")
public record ComplaintStats(
        @Schema(required = true) long total,
        @Schema(required = true) long open,
        @Schema(required = true) Map<String, Long> byCategory,
        @Schema(required = true) Map<String, Long> byChannel,
        @Schema(required = true) Map<String, Long> bySeverity,
        @Schema(required = true, description = "yyyy-MM → complaints received") Map<String, Long> byMonth,
        @Schema(description = "Percent acknowledged in time, of the complaints acknowledged or past their acknowledgement due time (an open one past due is a miss)") BigDecimal acknowledgedInTimePercent,
        @Schema(description = "Percent resolved in time, of the complaints resolved or past their resolution due time (an open one past due is a miss)") BigDecimal resolvedInTimePercent,
        @Schema(description = "Percent of follow-ups made within 24 hours, of those made or past due (one not made and past due is a miss)") BigDecimal followedUpInTimePercent,
        @Schema(description = "Mean hours from receipt to acknowledgement") BigDecimal meanHoursToAcknowledge,
        @Schema(description = "Mean hours from receipt to resolution") BigDecimal meanHoursToResolve,
        @Schema(description = "Mean satisfaction 1–5 of followed-up complaints") BigDecimal satisfactionAverage) {
}
