package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.LoyaltyRepository.Flow;
import io.guanxi.crm.analytics.LoyaltyRepository.Flows;
import io.guanxi.crm.analytics.LoyaltyRepository.Held;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loyalty points (docs/analytics.md "Loyalty"): issued, redeemed and expired in the period, the liability (points
 * held) at its end or now and what it is worth at the point value of the policy then in force, by membership level.
 */
@ApplicationScoped
public class LoyaltySection implements AnalyticsSection {

    static final String ISSUED = "loyalty.issued";
    static final String REDEEMED = "loyalty.redeemed";
    static final String EXPIRED = "loyalty.expired";
    static final String HOLDERS = "loyalty.holders";

    /** The membership levels, then customers without one. */
    private static final List<String> LEVELS = levels();

    @Inject
    LoyaltyRepository repository;

    @Override
    public Section section() {
        return Section.LOYALTY;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Flows now = repository.flows(query, query.period());
        Flows before = repository.flows(query, query.previousPeriod());
        Liability held = liability(query, query.asOf(query.period()));
        Liability heldBefore = liability(query, query.asOf(query.previousPeriod()));
        List<AnalyticsCard> cards = List.of(
                AnalyticsCard.of(ISSUED, Unit.POINTS, Ratios.count(now.issued()), Ratios.count(before.issued()), ISSUED),
                AnalyticsCard.of(REDEEMED, Unit.POINTS, Ratios.count(now.redeemed()), Ratios.count(before.redeemed()), REDEEMED),
                AnalyticsCard.of(EXPIRED, Unit.POINTS, Ratios.count(now.expired()), Ratios.count(before.expired()), EXPIRED),
                AnalyticsCard.of("loyalty.redemptionRate", Unit.RATIO, Ratios.of(now.redeemed(), now.issued()),
                        Ratios.of(before.redeemed(), before.issued()), REDEEMED),
                AnalyticsCard.of("loyalty.liability", Unit.POINTS, Ratios.count(held.points()), Ratios.count(heldBefore.points()), HOLDERS),
                AnalyticsCard.of("loyalty.liabilityValue", Unit.MONEY, held.value(held.points()), heldBefore.value(heldBefore.points()),
                        HOLDERS),
                AnalyticsCard.of(HOLDERS, Unit.COUNT, Ratios.count(held.holders()), Ratios.count(heldBefore.holders()), HOLDERS));
        List<AnalyticsRow> rows = LEVELS.stream().map(level -> {
            Held row = held.byLevel().getOrDefault(level, new Held(level, 0, 0));
            return new AnalyticsRow(level, null, List.of(Ratios.count(row.holders()), Ratios.count(row.points()), held.value(row.points())),
                    List.of(HOLDERS, HOLDERS, HOLDERS));
        }).toList();
        AnalyticsTable byLevel = new AnalyticsTable("loyalty.byLevel", ChartKind.BAR, Dimension.LEVEL,
                List.of(new AnalyticsColumn("loyalty.holders", Unit.COUNT), new AnalyticsColumn("loyalty.liability", Unit.POINTS),
                        new AnalyticsColumn("loyalty.liabilityValue", Unit.MONEY)), rows);
        return new Figures(cards, List.of(byLevel));
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        if (HOLDERS.equals(figure)) {
            return key == null || LEVELS.contains(key) ? Optional.of(repository.holders(query, key)) : Optional.empty();
        }
        Flow flow = switch (figure) {
            case ISSUED -> Flow.ISSUED;
            case REDEEMED -> Flow.REDEEMED;
            case EXPIRED -> Flow.EXPIRED;
            default -> null;
        };
        return flow == null || key != null ? Optional.empty() : Optional.of(repository.entries(query, flow));
    }

    private Liability liability(AnalyticsQuery query, Instant asOf) {
        Map<String, Held> byLevel = repository.heldByLevel(query, asOf).stream().collect(Collectors.toMap(Held::level, Function.identity()));
        return new Liability(byLevel, repository.pointValue(asOf));
    }

    /** The points held at an instant per level, and what one point was worth then. */
    private record Liability(Map<String, Held> byLevel, BigDecimal pointValue) {

        long points() {
            return byLevel.values().stream().mapToLong(Held::points).sum();
        }

        long holders() {
            return byLevel.values().stream().mapToLong(Held::holders).sum();
        }

        BigDecimal value(long points) {
            return pointValue.multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    private static List<String> levels() {
        List<String> levels = new ArrayList<>(Arrays.stream(MembershipLevel.values()).map(Enum::name).toList());
        levels.add(LoyaltyRepository.NO_LEVEL);
        return List.copyOf(levels);
    }
}
