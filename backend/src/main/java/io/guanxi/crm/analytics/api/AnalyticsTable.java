package io.guanxi.crm.analytics.api;

import io.guanxi.crm.analytics.ChartKind;
import io.guanxi.crm.analytics.Dimension;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsTable", description = "A breakdown: rows of one dimension, columns of values; drawn as a chart with this table beside it")
public record AnalyticsTable(
        @Schema(required = true) String code,
        @Schema(required = true) ChartKind chart,
        @Schema(required = true) Dimension dimension,
        @Schema(required = true) List<AnalyticsColumn> columns,
        @Schema(required = true) List<AnalyticsRow> rows) {
}
