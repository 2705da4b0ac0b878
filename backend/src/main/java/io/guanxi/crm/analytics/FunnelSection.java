package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.FunnelRepository.Group;
import io.guanxi.crm.analytics.FunnelRepository.Step;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The conversion funnel of a cohort: the leads created in the period and how far each has come by now
 * (contacted, qualified, converted, a repeat customer), by source, region and rep, and why leads were lost.
 */
@ApplicationScoped
public class FunnelSection implements AnalyticsSection {

    /** The key of a group without a value: leads in a queue (no owner), leads without a region. */
    static final String NONE = "NONE";

    private static final Map<String, Dimension> BREAKDOWNS = Map.of("source", Dimension.SOURCE, "region", Dimension.REGION,
            "rep", Dimension.REP);
    private static final Map<Dimension, String> COLUMN_OF = Map.of(Dimension.SOURCE, "c.source_channel", Dimension.REGION, "c.region",
            Dimension.REP, "CAST(c.owner_id AS text)");

    @Inject
    FunnelRepository repository;

    @Inject
    UserService users;

    @Override
    public Section section() {
        return Section.FUNNEL;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        List<Group> groups = repository.counts(query, query.period(), true);
        Group total = groups.stream().filter(g -> g.dimension() == null).findFirst().orElseThrow();
        Period previousPeriod = query.previousPeriod();
        Group previous = repository.counts(query, previousPeriod, false).get(0);
        List<AnalyticsCard> cards = List.of(
                count("funnel.leads", total.leads(), previous.leads()),
                count("funnel.contacted", total.contacted(), previous.contacted()),
                count("funnel.qualified", total.qualified(), previous.qualified()),
                count("funnel.converted", total.converted(), previous.converted()),
                count("funnel.repeat", total.repeat(), previous.repeat()),
                AnalyticsCard.of("funnel.conversionRate", Unit.RATIO, Ratios.of(total.converted(), total.leads()),
                        Ratios.of(previous.converted(), previous.leads()), "funnel.converted"),
                count("funnel.lost", total.lost(), previous.lost()));
        return new Figures(cards, List.of(steps(total),
                breakdown("funnel.bySource", ChartKind.BAR, Dimension.SOURCE, "source", groups),
                breakdown("funnel.byRegion", ChartKind.BAR, Dimension.REGION, "region", groups),
                breakdown("funnel.byRep", ChartKind.HORIZONTAL_BAR, Dimension.REP, "rep", groups),
                lostReasons(groups)));
    }

    private static AnalyticsCard count(String code, long value, long previous) {
        return AnalyticsCard.of(code, Unit.COUNT, Ratios.count(value), Ratios.count(previous), code);
    }

    /** Each step with how many reached it, the share of the step before that did, and how many stopped before it. */
    private static AnalyticsTable steps(Group total) {
        List<AnalyticsRow> rows = new ArrayList<>();
        Step before = null;
        for (Step step : Step.values()) {
            long reached = total.reached(step);
            if (before == null) {
                rows.add(new AnalyticsRow(step.name(), null, values(Ratios.count(reached), null, null), drills("funnel.step", null, null)));
            } else {
                long previous = total.reached(before);
                rows.add(new AnalyticsRow(step.name(), null, values(Ratios.count(reached), Ratios.of(reached, previous),
                        Ratios.count(previous - reached)), drills("funnel.step", "funnel.step", "funnel.dropOff")));
            }
            before = step;
        }
        return new AnalyticsTable("funnel.steps", ChartKind.FUNNEL, Dimension.STEP, List.of(new AnalyticsColumn("funnel.count", Unit.COUNT),
                new AnalyticsColumn("funnel.stepConversion", Unit.RATIO), new AnalyticsColumn("funnel.dropOff", Unit.COUNT)), rows);
    }

    /** Leads, converted and their rate per key of a dimension, most leads first. */
    private AnalyticsTable breakdown(String code, ChartKind chart, Dimension dimension, String figure, List<Group> groups) {
        List<Group> mine = groups.stream().filter(g -> g.dimension() == dimension)
                .sorted(Comparator.comparingLong(Group::leads).reversed().thenComparing(g -> String.valueOf(g.key()))).toList();
        Map<UUID, String> names = dimension != Dimension.REP ? Map.of()
                : users.displayNames(mine.stream().map(Group::key).filter(Objects::nonNull).map(UUID::fromString).collect(Collectors.toSet()));
        String leads = "funnel." + figure + ".leads";
        String converted = "funnel." + figure + ".converted";
        List<AnalyticsRow> rows = mine.stream().map(g -> new AnalyticsRow(g.key() == null ? NONE : g.key(),
                g.key() == null || dimension != Dimension.REP ? null : names.get(UUID.fromString(g.key())),
                values(Ratios.count(g.leads()), Ratios.count(g.converted()), Ratios.of(g.converted(), g.leads())),
                drills(leads, converted, converted))).toList();
        return new AnalyticsTable(code, chart, dimension, List.of(new AnalyticsColumn("funnel.leads", Unit.COUNT),
                new AnalyticsColumn("funnel.converted", Unit.COUNT), new AnalyticsColumn("funnel.rate", Unit.RATIO)), rows);
    }

    private static AnalyticsTable lostReasons(List<Group> groups) {
        List<AnalyticsRow> rows = groups.stream().filter(g -> g.dimension() == Dimension.LOST_REASON)
                .sorted(Comparator.comparingLong(Group::lost).reversed().thenComparing(Group::key))
                .map(g -> new AnalyticsRow(g.key(), null, values(Ratios.count(g.lost())), drills("funnel.lostReason"))).toList();
        return new AnalyticsTable("funnel.lostReasons", ChartKind.PIE, Dimension.LOST_REASON, List.of(new AnalyticsColumn("funnel.lost",
                Unit.COUNT)), rows);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String condition = switch (figure) {
            case "funnel.leads" -> Step.LEADS.reached;
            case "funnel.contacted" -> Step.CONTACTED.reached;
            case "funnel.qualified" -> Step.QUALIFIED.reached;
            case "funnel.converted" -> Step.CONVERTED.reached;
            case "funnel.repeat" -> Step.REPEAT.reached;
            case "funnel.lost" -> "c.lost";
            case "funnel.step" -> step(key).reached;
            case "funnel.dropOff" -> {
                Step step = step(key);
                if (step == Step.LEADS) {
                    yield null;
                }
                yield Step.values()[step.ordinal() - 1].reached + " AND NOT " + step.reached;
            }
            case "funnel.lostReason" -> {
                params.put("drillKey", required(key));
                yield "c.lost AND c.lost_reason_code = :drillKey";
            }
            default -> breakdownCondition(figure, key, params);
        };
        return Optional.ofNullable(condition).map(c -> FunnelRepository.drill(query, c, params));
    }

    /** {@code funnel.<source|region|rep>.<leads|converted>} for one key of the dimension; null for any other figure. */
    private static String breakdownCondition(String figure, String key, Map<String, Object> params) {
        String[] parts = figure.split("\\.");
        Dimension dimension = parts.length == 3 ? BREAKDOWNS.get(parts[1]) : null;
        if (dimension == null || !Set.of("leads", "converted").contains(parts[2])) {
            return null;
        }
        String column = COLUMN_OF.get(dimension);
        String match;
        if (NONE.equals(required(key))) {
            match = column + " IS NULL";
        } else {
            if (dimension == Dimension.REP) {
                requireUuid(key);
            }
            params.put("drillKey", key);
            match = column + " = :drillKey";
        }
        return parts[2].equals("leads") ? match : match + " AND " + Step.CONVERTED.reached;
    }

    private static Step step(String key) {
        try {
            return Step.valueOf(required(key));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("key", "must be one of LEADS, CONTACTED, QUALIFIED, CONVERTED, REPEAT");
        }
    }

    static String required(String key) {
        if (key == null) {
            throw ProblemException.invalidField("key", "is required for this figure");
        }
        return key;
    }

    static void requireUuid(String key) {
        try {
            UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("key", "must be a user id");
        }
    }

    static List<BigDecimal> values(BigDecimal... values) {
        return Arrays.asList(values);
    }

    static List<String> drills(String... figures) {
        return Arrays.asList(figures);
    }
}
