package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.ServiceRepository.Deadline;
import io.guanxi.crm.analytics.ServiceRepository.Ratio;
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
        List<AnalyticsCard> cards = List.of(
                count(RECEIVED, ServiceRepository.RECEIVED, now, before, query),
                count(OPEN, ServiceRepository.OPEN, now, before, query),
                count(OVERDUE_OPEN, ServiceRepository.OVERDUE_OPEN, now, before, query),
                compliance(FIRST_RESPONSE_COMPLIANCE, Deadline.FIRST_RESPONSE, FIRST_RESPONSE_MISSED, now, before, query),
                compliance(RESOLUTION_COMPLIANCE, Deadline.RESOLUTION, RESOLUTION_MISSED, now, before, query),
                AnalyticsCard.of(MEDIAN_HOURS_TO_RESOLVE, Unit.HOURS, repository.medianHoursToResolve(now, query),
                        repository.medianHoursToResolve(before, query), RESOLVED),
                AnalyticsCard.of(SATISFACTION, Unit.SCORE, repository.averageSatisfaction(now, query),
                        repository.averageSatisfaction(before, query), SATISFACTION_ANSWERS));
        List<AnalyticsTable> tables = List.of(
                byDimension("service.byCategory", Dimension.CATEGORY, "category", names(ComplaintCategory.values()), now, query),
                byDimension("service.bySeverity", Dimension.SEVERITY, "severity", names(Severity.values()), now, query),
                byMonth(now, query));
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

    private AnalyticsCard count(String code, String condition, Window now, Window before, AnalyticsQuery query) {
        return AnalyticsCard.of(code, Unit.COUNT, Ratios.count(repository.count(condition, now, query)),
                Ratios.count(repository.count(condition, before, query)), code);
    }

    private AnalyticsCard compliance(String code, Deadline deadline, String drill, Window now, Window before, AnalyticsQuery query) {
        return AnalyticsCard.of(code, Unit.RATIO, ratio(repository.compliance(deadline, now, query)),
                ratio(repository.compliance(deadline, before, query)), drill);
    }

    private static BigDecimal ratio(Ratio ratio) {
        return ratio == null ? null : Ratios.of(ratio.met(), ratio.decided());
    }

    private AnalyticsTable byDimension(String code, Dimension dimension, String column, List<String> keys, Window window,
            AnalyticsQuery query) {
        Map<String, long[]> counts = repository.receivedAndBreachedBy(column, window, query);
        List<AnalyticsRow> rows = keys.stream().map(key -> {
            long[] c = counts.getOrDefault(key, new long[2]);
            return new AnalyticsRow(key, null, List.of(Ratios.count(c[0]), Ratios.count(c[1])), List.of(RECEIVED, RESOLUTION_MISSED));
        }).toList();
        return new AnalyticsTable(code, ChartKind.BAR, dimension,
                List.of(new AnalyticsColumn(RECEIVED, Unit.COUNT), new AnalyticsColumn(BREACHED, Unit.COUNT)), rows);
    }

    /** Every month of the period, in order: received in it, and the compliance of the resolutions due in it. */
    private AnalyticsTable byMonth(Window window, AnalyticsQuery query) {
        Map<String, Long> received = repository.receivedByMonth(window, query);
        Map<String, Ratio> compliance = repository.resolutionComplianceByMonth(window, query);
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
