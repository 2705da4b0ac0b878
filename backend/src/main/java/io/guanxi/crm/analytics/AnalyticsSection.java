package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One section of the dashboard: its figures for a query, and for each figure that counts records the
 * statement that lists them. A section reads other features only through their {@code *ReadModel}
 * relations and ANDs {@link AnalyticsQuery#scope} into every statement. An {@code @ApplicationScoped}
 * bean per section; {@link Analytics} finds it by {@link #section()}.
 */
public interface AnalyticsSection {

    Section section();

    Figures figures(AnalyticsQuery query);

    /**
     * The rows behind a figure ({@code figure} as a card's or a table cell's {@code drill}, {@code key}
     * the table row's key or null for a card), or empty when this section has no such figure. The SQL
     * selects exactly the columns {@code kind} (a {@link DrillKind} name), {@code id} (uuid),
     * {@code contact_id} (uuid or null), {@code title} (text), {@code owner_id} (uuid or null),
     * {@code at} (timestamptz or null), {@code amount} (numeric or null), {@code note} (text or null),
     * and counts as many rows as the figure does.
     */
    Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query);

    /** A section's cards and tables. */
    record Figures(List<AnalyticsCard> cards, List<AnalyticsTable> tables) {
    }

    /** A statement listing the rows behind a figure and its parameters. */
    record DrillQuery(String sql, Map<String, Object> params) {
    }
}
