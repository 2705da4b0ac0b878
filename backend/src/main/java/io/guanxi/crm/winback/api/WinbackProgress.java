package io.guanxi.crm.winback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackProgress", description = "A plan's figures: won back as measured now while being done, as frozen by CHECK after")
public record WinbackProgress(
        @Schema(required = true) int targets,
        @Schema(required = true) int reached,
        @Schema(required = true) int noAnswer,
        @Schema(required = true) int declined,
        @Schema(required = true) int booked,
        @Schema(required = true, description = "Targets with no outcome recorded yet") int open,
        @Schema(required = true, description = "Bought (and kept it) after the plan started, within goalDays") int wonBack,
        @Schema(required = true, description = "wonBack ÷ targets, in percent, one decimal") double wonBackPercent,
        @Schema(required = true, description = "wonBackPercent has reached goalPercent") boolean goalMet) {
}
