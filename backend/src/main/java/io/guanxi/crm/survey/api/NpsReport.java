package io.guanxi.crm.survey.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NpsReport", description = "NPS of the visible customers' answers in a range of months: overall, per month, per ABC "
        + "tier and per owner")
public record NpsReport(
        @Schema(required = true, examples = "2026-01") String from,
        @Schema(required = true, examples = "2026-12") String to,
        @Schema(required = true) NpsFigure overall,
        @Schema(required = true, description = "Every month of the range, also those without answers") List<NpsFigure> byMonth,
        @Schema(required = true) List<NpsFigure> byTier,
        @Schema(required = true) List<NpsFigure> byOwner) {
}
