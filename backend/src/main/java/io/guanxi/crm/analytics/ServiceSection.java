package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.ServiceRepository.Cell;
import io.guanxi.crm.analytics.ServiceRepository.Deadline;
import io.guanxi.crm.analytics.ServiceRepository.Ratio;
import io.guanxi.crm.analytics.ServiceRepository.Tally;
import io.guanxi.crm.analytics.ServiceRepository.Window;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.complaint.ComplaintCategory;
import io.guanxi.crm.complaint.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Complaints (SPEC §7, docs/analytics.md "Service"): volume, what is open and overdue, first-response and
 * resolution SLA compliance over the deadlines that fell due in the period (an open complaint past due is a miss),
 * time to resolve, and the satisfaction customers gave in the survey after a complaint closed.
 */
@ApplicationScoped
public class ServiceSection implements AnalyticsSection {

    static final String RECEIVED = "service.received";
    static final String OPEN = "service.open";
    static final String OVERDUE_OPEN = "service.overdueOpen";
    static final String FIRST_RESPONSE_COMPLIANCE = "service.firstResponseCompliance";
    static final String RESOLUTION_COMPLIANCE = "service.resolutionCompliance";
    static final String MEDIAN_HOURS_TO_RESOLVE = "service.medianHoursToResolve";
    static final String SATISFACTION = "service.satisfactionAfterFollowUp";
    /** Drills of the ratios and the median: the missed deadlines, the resolutions, the answers. */
    static final String FIRST_RESPONSE_MISSED = "service.firstResponseMissed";
    static final String RESOLUTION_MISSED = "service.resolutionMissed";
    static final String RESOLVED = "service.resolved";
    static final String SATISFACTION_ANSWERS = "service.satisfactionAnswers";
    static final String BREACHED = "service.breached";

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Inject
    ServiceRepository repository;

    @Override
    public Section section() {
        return Section.SERVICE;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Window now = window(query, query.period());
        Window before = window(query, query.previousPeriod());
        Map<Cell, Tally> nowTallies = ServiceRepository.fromRollup(now, query) ? repository.tallies(now, query) : null;
        Map<Cell, Tally> beforeTallies = ServiceRepository.fromRollup(before, query) ? repository.tallies(before, query) : null;
        boolean rollupScope = ServiceRepository.rollupScope(query);
        long openNow = rollupScope ? repository.openFromRollup(now, query) : repository.count(ServiceRepository.OPEN, now, query);
        long openBefore = rollupScope ? repository.openFromRollup(before, query) : repository.count(ServiceRepository.OPEN, before, query);
        List<AnalyticsCard> cards = List.of(
                AnalyticsCard.of(RECEIVED, Unit.COUNT, Ratios.count(received(nowTallies, now, query)),
                        Ratios.count(received(beforeTallies, before, query)), RECEIVED),
                AnalyticsCard.of(OPEN, Unit.COUNT, Ratios.count(openNow), Ratios.count(openBefore), OPEN),
                AnalyticsCard.of(OVERDUE_OPEN, Unit.COUNT, Ratios.count(repository.overdueOpenCount(now, query)),
                        Ratios.count(repository.overdueOpenCount(before, query)), OVERDUE_OPEN),
                compliance(FIRST_RESPONSE_COMPLIANCE, Deadline.FIRST_RESPONSE, FIRST_RESPONSE_MISSED, now, nowTallies, before, beforeTallies,
                        query),
                compliance(RESOLUTION_COMPLIANCE, Deadline.RESOLUTION, RESOLUTION_MISSED, now, nowTallies, before, beforeTallies, query),
                AnalyticsCard.of(MEDIAN_HOURS_TO_RESOLVE, Unit.HOURS, repository.medianHoursToResolve(now, query),
                        repository.medianHoursToResolve(before, query), RESOLVED),
                AnalyticsCard.of(SATISFACTION, Unit.SCORE, repository.averageSatisfaction(now, query),
                        repository.averageSatisfaction(before, query), SATISFACTION_ANSWERS));
        List<AnalyticsTable> tables = List.of(
                byDimension("service.byCategory", Dimension.CATEGORY, "category", names(ComplaintCategory.values()), now, nowTallies, query),
                byDimension("service.bySeverity", Dimension.SEVERITY, "severity", names(Severity.values()), now, nowTallies, query),
                byMonth(now, nowTallies, query));
        return new Figures(cards, tables);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        Window window = window(query, query.period());
        Narrow narrow = narrow(key, window, query);
        if (narrow == null) {
            return Optional.empty();
        }
        boolean keyed = key != null;
        return Optional.ofNullable(switch (figure) {
            case RECEIVED -> repository.received(narrow.condition(), key, narrow.window(), query);
            case RESOLUTION_MISSED -> repository.missed(Deadline.RESOLUTION, narrow.condition(), key, narrow.window(), query);
            case OPEN -> keyed ? null : repository.open(window, query);
            case OVERDUE_OPEN -> keyed ? null : repository.overdueOpen(window, query);
            case FIRST_RESPONSE_MISSED -> keyed ? null : repository.missed(Deadline.FIRST_RESPONSE, null, null, window, query);
            case RESOLVED -> keyed ? null : repository.resolved(window, query);
            case SATISFACTION_ANSWERS -> keyed ? null : repository.satisfactionAnswers(window, query);
            default -> null;
        });
    }

    /** What a table row's key narrows a drill to: a category, a severity, or a month of the period; null for a key of none. */
    private record Narrow(String condition, Window window) {
    }

    private static Narrow narrow(String key, Window window, AnalyticsQuery query) {
        if (key == null) {
            return new Narrow(null, window);
        }
        if (names(ComplaintCategory.values()).contains(key)) {
            return new Narrow("c.category = :key", window);
        }
        if (names(Severity.values()).contains(key)) {
            return new Narrow("c.severity = :key", window);
        }
        if (MONTH.matcher(key).matches()) {
            YearMonth month = YearMonth.parse(key);
            Instant start = later(window.start(), month.atDay(1).atStartOfDay(query.zone()).toInstant());
            Instant end = earlier(window.end(), month.plusMonths(1).atDay(1).atStartOfDay(query.zone()).toInstant());
            return start.isBefore(end) ? new Narrow(null, new Window(start, end, window.asOf())) : null;
        }
        return null;
    }

    private static Window window(AnalyticsQuery query, Period period) {
        return new Window(period.start(query.zone()), period.end(query.zone()), query.asOf(period));
    }

    private long received(Map<Cell, Tally> tallies, Window window, AnalyticsQuery query) {
        return tallies == null ? repository.count(ServiceRepository.RECEIVED, window, query)
                : tallies.values().stream().mapToLong(t -> t.received).sum();
    }

    private AnalyticsCard compliance(String code, Deadline deadline, String drill, Window now, Map<Cell, Tally> nowTallies, Window before,
            Map<Cell, Tally> beforeTallies, AnalyticsQuery query) {
        return AnalyticsCard.of(code, Unit.RATIO, ratio(compliance(deadline, now, nowTallies, query)),
                ratio(compliance(deadline, before, beforeTallies, query)), drill);
    }

    private Ratio compliance(Deadline deadline, Window window, Map<Cell, Tally> tallies, AnalyticsQuery query) {
        if (tallies == null) {
            return repository.compliance(deadline, window, query);
        }
        boolean first = deadline == Deadline.FIRST_RESPONSE;
        return new Ratio(tallies.values().stream().mapToLong(t -> first ? t.acknowledgeMet : t.resolveMet).sum(),
                tallies.values().stream().mapToLong(t -> first ? t.acknowledgeDecided : t.resolveDecided).sum());
    }

    private static BigDecimal ratio(Ratio ratio) {
        return ratio == null ? null : Ratios.of(ratio.met(), ratio.decided());
    }

    private AnalyticsTable byDimension(String code, Dimension dimension, String column, List<String> keys, Window window,
            Map<Cell, Tally> tallies, AnalyticsQuery query) {
        Map<String, long[]> counts;
        if (tallies == null) {
            counts = repository.receivedAndBreachedBy(column, window, query);
        } else {
            counts = new HashMap<>();
            tallies.forEach((cell, t) -> {
                long[] c = counts.computeIfAbsent("category".equals(column) ? cell.category() : cell.severity(), k -> new long[2]);
                c[0] += t.received;
                c[1] += t.resolveDecided - t.resolveMet;
            });
        }
        List<AnalyticsRow> rows = keys.stream().map(key -> {
            long[] c = counts.getOrDefault(key, new long[2]);
            return new AnalyticsRow(key, null, List.of(Ratios.count(c[0]), Ratios.count(c[1])), List.of(RECEIVED, RESOLUTION_MISSED));
        }).toList();
        return new AnalyticsTable(code, ChartKind.BAR, dimension,
                List.of(new AnalyticsColumn(RECEIVED, Unit.COUNT), new AnalyticsColumn(BREACHED, Unit.COUNT)), rows);
    }

    /** Every month of the period, in order: received in it, and the compliance of the resolutions due in it. */
    private AnalyticsTable byMonth(Window window, Map<Cell, Tally> tallies, AnalyticsQuery query) {
        Map<String, Long> received;
        Map<String, Ratio> compliance;
        if (tallies == null) {
            received = repository.receivedByMonth(window, query);
            compliance = repository.resolutionComplianceByMonth(window, query);
        } else {
            received = new HashMap<>();
            Map<String, long[]> resolution = new HashMap<>();
            tallies.forEach((cell, t) -> {
                received.merge(cell.month(), t.received, Long::sum);
                long[] r = resolution.computeIfAbsent(cell.month(), k -> new long[2]);
                r[0] += t.resolveMet;
                r[1] += t.resolveDecided;
            });
            compliance = new HashMap<>();
            // as the statement over the raw rows: a month without a decided deadline has no row (no ratio)
            resolution.forEach((month, r) -> {
                if (r[1] > 0) {
                    compliance.put(month, new Ratio(r[0], r[1]));
                }
            });
        }
        List<AnalyticsRow> rows = new ArrayList<>();
        YearMonth last = YearMonth.from(query.period().to());
        for (YearMonth month = YearMonth.from(query.period().from()); !month.isAfter(last); month = month.plusMonths(1)) {
            String key = month.toString();
            rows.add(new AnalyticsRow(key, null, Arrays.asList(Ratios.count(received.getOrDefault(key, 0L)), ratio(compliance.get(key))),
                    List.of(RECEIVED, RESOLUTION_MISSED)));
        }
        return new AnalyticsTable("service.byMonth", ChartKind.LINE, Dimension.MONTH,
                List.of(new AnalyticsColumn(RECEIVED, Unit.COUNT), new AnalyticsColumn(RESOLUTION_COMPLIANCE, Unit.RATIO)), rows);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
