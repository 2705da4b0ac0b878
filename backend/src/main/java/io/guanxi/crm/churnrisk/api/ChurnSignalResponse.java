package io.guanxi.crm.churnrisk.api;

import io.guanxi.crm.churnrisk.ChurnSignal;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRiskSignal", description = "One signal of a churn-risk score: its value in [0, 1] × its weight = the points it adds. "
        + "The code and params are what the app puts into words (QUIET {days, usualDays, usualDefault}, PURCHASE_DROP {recent, "
        + "earlier}, COMPLAINT {severity, open}, DETRACTOR {score}, LEVEL_DOWN {from, to}, EXPIRING_POINTS {points, balance, days}).")
public record ChurnSignalResponse(
        @Schema(required = true) ChurnSignal code,
        @Schema(required = true, examples = "0.5") BigDecimal value,
        @Schema(required = true, examples = "30") int weight,
        @Schema(required = true, examples = "15") BigDecimal points,
        @Schema(required = true, description = "The facts behind the signal, as strings") Map<String, String> params) {
}
