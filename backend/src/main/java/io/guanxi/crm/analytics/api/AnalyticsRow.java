package io.guanxi.crm.analytics.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsRow", description = "One row of a table: a key of the table's dimension and one value per column")
public record AnalyticsRow(
        @Schema(required = true, description = "A code of the dimension (a stage, a tier, yyyy-MM, a rep's id)") String key,
        @Schema(nullable = true, description = "A name to show instead of the key (a rep's name); else the web app translates the key")
        String label,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Value.class, description = "One per column, empty where not defined")
        List<BigDecimal> values,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Drill.class,
                description = "One per column: the figure whose rows are behind the value (…/drill/{figure}?key=), or empty")
        List<String> drills) {

    /** A cell: a number, or null where it is not defined (a ratio of nothing, a median of no lead). */
    @Schema(name = "AnalyticsValue", type = SchemaType.NUMBER, nullable = true)
    public interface Value {
    }

    /** A cell's figure code, or null where no rows are behind the value. */
    @Schema(name = "AnalyticsCellDrill", type = SchemaType.STRING, nullable = true)
    public interface Drill {
    }
}
