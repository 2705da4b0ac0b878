package io.guanxi.crm.survey.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NpsFigure", description = "NPS of one group: % promoters (9–10) − % detractors (0–6)")
public record NpsFigure(
        @Schema(required = true, description = "The month (YYYY-MM), ABC tier (A, B, C, INACTIVE, NONE), owner id, or ALL") String key,
        @Schema(nullable = true, description = "The owner's name (by owner)") String label,
        @Schema(required = true) long answers,
        @Schema(required = true) long promoters,
        @Schema(required = true) long passives,
        @Schema(required = true) long detractors,
        @Schema(nullable = true, description = "−100 to 100, one decimal; absent without answers", examples = "42.5") BigDecimal nps) {
}
