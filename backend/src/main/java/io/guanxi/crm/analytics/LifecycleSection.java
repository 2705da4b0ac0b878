package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.contact.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customers per lifecycle stage at the end of the period (beside the end of the one before) and how they moved. */
@ApplicationScoped
public class LifecycleSection implements AnalyticsSection {

    /** The "from" of a customer's creation in the flow table. */
    static final String CREATED = "NEW";

    private static final String NEW_CUSTOMERS = "lifecycle.newCustomers";
    private static final String MOVES = "lifecycle.moves";
    private static final String BECAME_BUYERS = "lifecycle.becameBuyers";
    private static final String CHURNED = "lifecycle.churned";
    private static final String IN_STAGE = "lifecycle.inStage";
    private static final String FLOW = "lifecycle.flow";

    @Inject
    LifecycleRepository repository;

    @Override
    public Section section() {
        return Section.LIFECYCLE;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Period period = query.period();
        Period previous = query.previousPeriod();
        Map<String, Long> flow = repository.flow(query, period);
        long[] moves = moves(query, period, flow);
        long[] movesBefore = moves(query, previous, null);
        List<AnalyticsCard> cards = List.of(
                card(NEW_CUSTOMERS, repository.created(query, period), repository.created(query, previous)),
                card(MOVES, moves[0], movesBefore[0]),
                card(BECAME_BUYERS, moves[1], movesBefore[1]),
                card(CHURNED, moves[2], movesBefore[2]));
        return new Figures(cards, List.of(stagesTable(query), flowTable(flow)));
    }

    /**
     * The period's moves (creations left out), those into PURCHASE and those into CHURNED: for whole months, added up from
     * the period's flow ({@code flow}, or read here when null), which the counts of moves answer; else counted one by one.
     */
    private long[] moves(AnalyticsQuery query, Period period, Map<String, Long> flow) {
        if (!LifecycleRepository.wholeMonths(query, period)) {
            return new long[] {repository.count(repository.moves(query, period, null, null, false)),
                movesInto(query, period, LifecycleStage.PURCHASE), movesInto(query, period, LifecycleStage.CHURNED)};
        }
        long[] moves = new long[3];
        for (Map.Entry<String, Long> move : (flow == null ? repository.flow(query, period) : flow).entrySet()) {
            String[] fromTo = move.getKey().split(":", -1);
            if (fromTo[0].equals(CREATED)) {
                continue;
            }
            moves[0] += move.getValue();
            moves[1] += fromTo[1].equals(LifecycleStage.PURCHASE.name()) ? move.getValue() : 0;
            moves[2] += fromTo[1].equals(LifecycleStage.CHURNED.name()) ? move.getValue() : 0;
        }
        return moves;
    }

    private long movesInto(AnalyticsQuery query, Period period, LifecycleStage stage) {
        return repository.count(repository.moves(query, period, null, stage.name(), false));
    }

    private static AnalyticsCard card(String code, long value, long previous) {
        return AnalyticsCard.of(code, Unit.COUNT, Ratios.count(value), Ratios.count(previous), code);
    }

    private AnalyticsTable stagesTable(AnalyticsQuery query) {
        Map<String, Long> atEnd = repository.stageCounts(query, query.asOf(query.period()));
        Map<String, Long> atPreviousEnd = repository.stageCounts(query, query.asOf(query.previousPeriod()));
        List<AnalyticsRow> rows = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            rows.add(new AnalyticsRow(stage.name(), null,
                    List.of(Ratios.count(atEnd.getOrDefault(stage.name(), 0L)), Ratios.count(atPreviousEnd.getOrDefault(stage.name(), 0L))),
                    java.util.Arrays.asList(IN_STAGE, null)));
        }
        return new AnalyticsTable("lifecycle.stages", ChartKind.BAR, Dimension.STAGE,
                List.of(new AnalyticsColumn("lifecycle.atEnd", Unit.COUNT), new AnalyticsColumn("lifecycle.atPreviousEnd", Unit.COUNT)), rows);
    }

    private AnalyticsTable flowTable(Map<String, Long> flow) {
        List<AnalyticsColumn> columns = new ArrayList<>();
        for (LifecycleStage to : LifecycleStage.values()) {
            columns.add(new AnalyticsColumn("lifecycle.to." + to.name(), Unit.COUNT));
        }
        List<AnalyticsRow> rows = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        froms.add(CREATED);
        for (LifecycleStage from : LifecycleStage.values()) {
            froms.add(from.name());
        }
        for (String from : froms) {
            List<BigDecimal> values = new ArrayList<>();
            List<String> drills = new ArrayList<>();
            for (LifecycleStage to : LifecycleStage.values()) {
                long moved = flow.getOrDefault(from + ":" + to.name(), 0L);
                values.add(Ratios.count(moved));
                drills.add(moved == 0 ? null : FLOW);
            }
            rows.add(new AnalyticsRow(from, null, values, drills));
        }
        return new AnalyticsTable(FLOW, ChartKind.STACKED_BAR, Dimension.STAGE, columns, rows);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        Period period = query.period();
        return switch (figure) {
            case NEW_CUSTOMERS -> Optional.of(repository.createdCustomers(query, period));
            case MOVES -> Optional.of(repository.moves(query, period, null, null, false));
            case BECAME_BUYERS -> Optional.of(repository.moves(query, period, null, LifecycleStage.PURCHASE.name(), false));
            case CHURNED -> Optional.of(repository.moves(query, period, null, LifecycleStage.CHURNED.name(), false));
            case IN_STAGE -> stage(key).map(stage -> repository.customersInStage(query, query.asOf(period), stage));
            case FLOW -> flowKey(key).map(move -> repository.moves(query, period, move[0], move[1], move[0].equals(CREATED)));
            default -> Optional.empty();
        };
    }

    private static Optional<String> stage(String key) {
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.name().equals(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** "FROM:TO", FROM a stage or NEW. */
    private static Optional<String[]> flowKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split(":", -1);
        boolean fromKnown = parts.length == 2 && (parts[0].equals(CREATED) || stage(parts[0]).isPresent());
        return fromKnown && stage(parts[1]).isPresent() ? Optional.of(parts) : Optional.empty();
    }
}
