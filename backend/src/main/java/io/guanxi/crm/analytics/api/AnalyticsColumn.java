package io.guanxi.crm.analytics.api;

import io.guanxi.crm.analytics.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsColumn", description = "A series of a table: its code and what its numbers are")
public record AnalyticsColumn(@Schema(required = true) String code, @Schema(required = true) Unit unit) {
}
