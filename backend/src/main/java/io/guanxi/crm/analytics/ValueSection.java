package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.ValueRepository.Buyers;
import io.guanxi.crm.analytics.ValueRepository.Totals;
import io.guanxi.crm.analytics.ValueRepository.ValueClass;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Customer value (docs/analytics.md "Value"): the period's kept revenue, buyers, repeat and new customers; customers
 * by their current ABC tier, ABCD quadrant and membership level with the revenue they gave in the period; CLV
 * buckets; revenue by month.
 */
@ApplicationScoped
public class ValueSection implements AnalyticsSection {

    static final String PURCHASES = "value.purchases";
    static final String BUYERS = "value.buyers";
    static final String REPEAT_BUYERS = "value.repeatBuyers";
    static final String NEW_CUSTOMERS = "value.newCustomers";
    static final String MONTH_PURCHASES = "value.monthPurchases";
    static final String TIER_CUSTOMERS = "value.tierCustomers";
    static final String ABCD_CUSTOMERS = "value.abcdCustomers";
    static final String LEVEL_CUSTOMERS = "value.levelCustomers";
    static final String CLV_CUSTOMERS = "value.clvCustomers";

    private static final List<String> TIERS = List.of("A", "B", "C", "INACTIVE");
    private static final List<String> QUADRANTS = List.of("A", "B", "C", "D");
    private static final List<String> LEVELS = Arrays.stream(MembershipLevel.values()).map(Enum::name).toList();
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Inject
    ValueRepository repository;

    @Override
    public Section section() {
        return Section.VALUE;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Totals now = repository.totals(query, query.period());
        Totals before = repository.totals(query, query.previousPeriod());
        List<AnalyticsCard> cards = List.of(
                AnalyticsCard.of("value.revenue", Unit.MONEY, now.revenue(), before.revenue(), PURCHASES),
                AnalyticsCard.of("value.purchases", Unit.COUNT, Ratios.count(now.purchases()), Ratios.count(before.purchases()), PURCHASES),
                AnalyticsCard.of("value.buyers", Unit.COUNT, Ratios.count(now.buyers()), Ratios.count(before.buyers()), BUYERS),
                AnalyticsCard.of("value.averageOrder", Unit.MONEY, averageOrder(now), averageOrder(before), PURCHASES),
                AnalyticsCard.of("value.repeatRate", Unit.RATIO, Ratios.of(now.repeatBuyers(), now.buyers()),
                        Ratios.of(before.repeatBuyers(), before.buyers()), REPEAT_BUYERS),
                AnalyticsCard.of("value.newCustomers", Unit.COUNT, Ratios.count(now.newCustomers()), Ratios.count(before.newCustomers()),
                        NEW_CUSTOMERS));
        List<Tuple> classes = repository.byClasses(query);
        List<AnalyticsTable> tables = List.of(
                classTable(classes, "value.tiers", ChartKind.PIE, Dimension.TIER, ValueClass.TIER, TIERS, TIER_CUSTOMERS),
                classTable(classes, "value.abcd", ChartKind.BAR, Dimension.ABCD_TIER, ValueClass.ABCD, QUADRANTS, ABCD_CUSTOMERS),
                classTable(classes, "value.levels", ChartKind.BAR, Dimension.LEVEL, ValueClass.LEVEL, LEVELS, LEVEL_CUSTOMERS),
                clvTable(query), monthTable(query));
        return new Figures(cards, tables);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        return switch (figure) {
            case PURCHASES -> key == null ? Optional.of(repository.purchases(query, null)) : Optional.empty();
            case MONTH_PURCHASES -> key != null && MONTH.matcher(key).matches() ? Optional.of(repository.purchases(query, key)) : Optional.empty();
            case BUYERS -> Optional.of(repository.buyers(query, Buyers.ALL));
            case REPEAT_BUYERS -> Optional.of(repository.buyers(query, Buyers.REPEAT));
            case NEW_CUSTOMERS -> Optional.of(repository.buyers(query, Buyers.NEW));
            case TIER_CUSTOMERS -> classDrill(query, ValueClass.TIER, TIERS, key);
            case ABCD_CUSTOMERS -> classDrill(query, ValueClass.ABCD, QUADRANTS, key);
            case LEVEL_CUSTOMERS -> classDrill(query, ValueClass.LEVEL, LEVELS, key);
            case CLV_CUSTOMERS -> ValueRepository.clvKeys().contains(key) ? Optional.of(repository.clvCustomers(query, key)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<DrillQuery> classDrill(AnalyticsQuery query, ValueClass valueClass, List<String> keys, String key) {
        boolean known = keys.contains(key) || (valueClass != ValueClass.LEVEL && ValueRepository.UNRANKED.equals(key));
        return known ? Optional.of(repository.classCustomers(query, valueClass, key)) : Optional.empty();
    }

    private static BigDecimal averageOrder(Totals totals) {
        return totals.purchases() == 0 ? null : totals.revenue().divide(BigDecimal.valueOf(totals.purchases()), 2, RoundingMode.HALF_UP);
    }

    /**
     * Customers per current class and their share, the kept revenue they gave in the period and its share; every
     * class a row, and UNRANKED only when some customer has no class yet. Each cell drills to the class's customers.
     */
    private static AnalyticsTable classTable(List<Tuple> classes, String code, ChartKind chart, Dimension dimension,
            ValueClass valueClass, List<String> keys, String drill) {
        Map<String, Tuple> found = new LinkedHashMap<>();
        classes.stream().filter(row -> valueClass.name().equals(Rows.string(row, "class")))
                .forEach(row -> found.put(Rows.string(row, "key"), row));
        List<String> rowKeys = new ArrayList<>(keys);
        if (found.containsKey(ValueRepository.UNRANKED)) {
            rowKeys.add(ValueRepository.UNRANKED);
        }
        long customers = found.values().stream().mapToLong(r -> Rows.longValue(r, "customers")).sum();
        BigDecimal revenue = found.values().stream().map(r -> Rows.decimal(r, "revenue")).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AnalyticsRow> rows = rowKeys.stream().map(key -> {
            Tuple row = found.get(key);
            long n = row == null ? 0 : Rows.longValue(row, "customers");
            BigDecimal kept = row == null ? BigDecimal.ZERO : Rows.decimal(row, "revenue");
            return new AnalyticsRow(key, null, List.of(Ratios.count(n), share(Ratios.of(n, customers)), kept, share(Ratios.of(kept, revenue))),
                    List.of(drill, drill, drill, drill));
        }).toList();
        return new AnalyticsTable(code, chart, dimension, classColumns(), rows);
    }

    /** A share of nothing (no customers, no revenue) is 0: a table's values are numbers (AnalyticsRow). */
    private static BigDecimal share(BigDecimal ratio) {
        return ratio == null ? BigDecimal.ZERO : ratio;
    }

    private static List<AnalyticsColumn> classColumns() {
        return List.of(new AnalyticsColumn("value.customers", Unit.COUNT), new AnalyticsColumn("value.customerShare", Unit.RATIO),
                new AnalyticsColumn("value.revenue", Unit.MONEY), new AnalyticsColumn("value.revenueShare", Unit.RATIO));
    }

    private AnalyticsTable clvTable(AnalyticsQuery query) {
        Map<String, Tuple> found = new LinkedHashMap<>();
        repository.clv(query).forEach(row -> found.put(Rows.string(row, "key"), row));
        List<AnalyticsRow> rows = ValueRepository.clvKeys().stream().map(key -> {
            Tuple row = found.get(key);
            return new AnalyticsRow(key, null, List.of(Ratios.count(row == null ? 0 : Rows.longValue(row, "customers")),
                    row == null ? BigDecimal.ZERO : Rows.decimal(row, "revenue")), List.of(CLV_CUSTOMERS, CLV_CUSTOMERS));
        }).toList();
        return new AnalyticsTable("value.clv", ChartKind.BAR, Dimension.BUCKET,
                List.of(new AnalyticsColumn("value.customers", Unit.COUNT), new AnalyticsColumn("value.revenue", Unit.MONEY)), rows);
    }

    private AnalyticsTable monthTable(AnalyticsQuery query) {
        List<AnalyticsRow> rows = repository.months(query).stream().map(row -> new AnalyticsRow(Rows.string(row, "key"), null,
                List.of(Rows.decimal(row, "revenue"), Ratios.count(Rows.longValue(row, "purchases"))),
                List.of(MONTH_PURCHASES, MONTH_PURCHASES))).toList();
        return new AnalyticsTable("value.revenueByMonth", ChartKind.LINE, Dimension.MONTH,
                List.of(new AnalyticsColumn("value.revenue", Unit.MONEY), new AnalyticsColumn("value.purchases", Unit.COUNT)), rows);
    }
}
