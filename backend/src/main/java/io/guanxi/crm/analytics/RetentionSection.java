package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.RetentionRepository.Span;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.churn.ChurnCause;
import io.guanxi.crm.churnrisk.ChurnRiskLevel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.survey.Nps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retention (docs/analytics.md): churn and its rate against the customers at the start, normal and
 * abnormal causes, win-back, NPS with its three groups, and the customers at risk now. Churn, NPS
 * and win-back are flows over the period; the risk levels are a stock the churn-risk table holds for
 * now only.
 */
@ApplicationScoped
public class RetentionSection implements AnalyticsSection {

    static final String CHURNED = "retention.churned";
    static final String CHURN_RATE = "retention.churnRate";
    static final String ABNORMAL_SHARE = "retention.abnormalShare";
    static final String WON_BACK = "retention.wonBack";
    static final String WINBACK_RATE = "retention.winbackRate";
    static final String NPS = "retention.nps";
    static final String ANSWERS = "retention.answers";
    static final String PROMOTERS = "retention.promoters";
    static final String PASSIVES = "retention.passives";
    static final String DETRACTORS = "retention.detractors";
    static final String AT_RISK = "retention.atRisk";
    static final String CUSTOMERS = "retention.customers";

    /** The kinds of a churn's cause (CAUSE_KIND keys). */
    enum CauseKind {
        NORMAL, ABNORMAL, UNKNOWN
    }

    @Inject
    RetentionRepository repository;

    @Override
    public Section section() {
        return Section.RETENTION;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Period period = query.period();
        Period previous = query.previousPeriod();
        List<Month> months = months(period, query);
        List<Instant> starts = new ArrayList<>();
        starts.add(previous.start(query.zone()));
        months.forEach(m -> starts.add(m.start()));
        long[] customers = repository.customersAt(starts, query);
        long customersBefore = customers[0];
        long customersAtStart = customers[1];

        Churns churns = churns(repository.churnsByMonthAndCause(span(period, query), query));
        Churns churnsBefore = churns(repository.churnsByMonthAndCause(span(previous, query), query));
        Tuple winback = repository.winback(span(period, query), query);
        Tuple winbackBefore = repository.winback(span(previous, query), query);
        Map<String, long[]> npsByMonth = npsByMonth(repository.npsByMonth(span(period, query), query));
        long[] nps = sum(npsByMonth.values());
        long[] npsBefore = sum(npsByMonth(repository.npsByMonth(span(previous, query), query)).values());
        Map<ChurnRiskLevel, Long> risk = new EnumMap<>(ChurnRiskLevel.class);
        repository.riskLevels(query).forEach(r -> risk.put(ChurnRiskLevel.valueOf(Rows.string(r, "level")), Rows.longValue(r, "customers")));

        List<AnalyticsCard> cards = List.of(
                count(CHURNED, churns.total, churnsBefore.total, CHURNED),
                AnalyticsCard.of(CHURN_RATE, Unit.RATIO, Ratios.of(churns.total, customersAtStart), Ratios.of(churnsBefore.total, customersBefore),
                        CHURNED),
                AnalyticsCard.of(ABNORMAL_SHARE, Unit.RATIO, Ratios.of(churns.abnormal(), churns.known()),
                        Ratios.of(churnsBefore.abnormal(), churnsBefore.known()), ABNORMAL_SHARE),
                count(WON_BACK, Rows.longValue(winback, "won_back"), Rows.longValue(winbackBefore, "won_back"), WON_BACK),
                AnalyticsCard.of(WINBACK_RATE, Unit.RATIO, Ratios.of(Rows.longValue(winback, "started_won_back"), Rows.longValue(winback, "started")),
                        Ratios.of(Rows.longValue(winbackBefore, "started_won_back"), Rows.longValue(winbackBefore, "started")), WINBACK_RATE),
                AnalyticsCard.of(NPS, Unit.SCORE, Nps.score(nps[0], nps[1], nps[2]), Nps.score(npsBefore[0], npsBefore[1], npsBefore[2]), ANSWERS),
                count(ANSWERS, nps[0] + nps[1] + nps[2], npsBefore[0] + npsBefore[1] + npsBefore[2], ANSWERS),
                count(PROMOTERS, nps[0], npsBefore[0], PROMOTERS),
                count(PASSIVES, nps[1], npsBefore[1], PASSIVES),
                count(DETRACTORS, nps[2], npsBefore[2], DETRACTORS),
                AnalyticsCard.of(AT_RISK, Unit.COUNT, Ratios.count(risk.getOrDefault(ChurnRiskLevel.HIGH, 0L)), null, AT_RISK));

        List<AnalyticsTable> tables = List.of(churnByMonth(months, customers, churns), churnByCause(churns), churnByKind(churns),
                npsByMonth(months, npsByMonth), atRiskByLevel(risk));
        return new Figures(cards, tables);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        Span span = span(query.period(), query);
        return Optional.ofNullable(switch (figure) {
            case CHURNED -> churnRows(span, query, key);
            case ABNORMAL_SHARE -> repository.churnRows(span, query, "NOT ch.normal", Map.of());
            case WON_BACK -> repository.winbackRows(span, query, false);
            case WINBACK_RATE -> repository.winbackRows(span, query, true);
            case ANSWERS -> repository.answerRows(span, query, 0, 10, month(key));
            case PROMOTERS -> repository.answerRows(span, query, Nps.PROMOTER_MIN, 10, month(key));
            case PASSIVES -> repository.answerRows(span, query, Nps.DETRACTOR_MAX + 1, Nps.PROMOTER_MIN - 1, month(key));
            case DETRACTORS -> repository.answerRows(span, query, 0, Nps.DETRACTOR_MAX, month(key));
            case AT_RISK -> repository.riskRows(query, key == null ? ChurnRiskLevel.HIGH.name() : riskLevel(key));
            default -> null;
        });
    }

    /** The churns of the period, all or those of a month (yyyy-MM), a cause, or a kind of cause. */
    private DrillQuery churnRows(Span span, AnalyticsQuery query, String key) {
        if (key == null) {
            return repository.churnRows(span, query, "TRUE", Map.of());
        }
        if (key.matches("\\d{4}-\\d{2}")) {
            return repository.churnRows(span, query, "ch.month = :drillMonth", Map.of("drillMonth", YearMonth.parse(month(key)).atDay(1)));
        }
        if (Arrays.stream(ChurnCause.values()).anyMatch(c -> c.name().equals(key))) {
            return repository.churnRows(span, query, "ch.cause = :drillCause", Map.of("drillCause", key));
        }
        return switch (kind(key)) {
            case NORMAL -> repository.churnRows(span, query, "ch.normal", Map.of());
            case ABNORMAL -> repository.churnRows(span, query, "NOT ch.normal", Map.of());
            case UNKNOWN -> repository.churnRows(span, query, "ch.cause IS NULL", Map.of());
        };
    }

    // ---- tables ----

    private static AnalyticsTable churnByMonth(List<Month> months, long[] customers, Churns churns) {
        List<AnalyticsRow> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            String key = months.get(i).key();
            long churned = churns.byMonth.getOrDefault(key, 0L);
            // customers[0] is the previous period's start; a month's base follows at i + 1.
            rows.add(new AnalyticsRow(key, null, Arrays.asList(Ratios.count(churned), Ratios.of(churned, customers[i + 1])),
                    List.of(CHURNED, CHURNED)));
        }
        return new AnalyticsTable("retention.churnByMonth", ChartKind.LINE, Dimension.MONTH,
                List.of(new AnalyticsColumn(CHURNED, Unit.COUNT), new AnalyticsColumn(CHURN_RATE, Unit.RATIO)), rows);
    }

    private static AnalyticsTable churnByCause(Churns churns) {
        List<AnalyticsRow> rows = churns.byCause.entrySet().stream()
                .sorted(Map.Entry.<ChurnCause, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new AnalyticsRow(e.getKey().name(), null, List.of(Ratios.count(e.getValue())), List.of(CHURNED))).toList();
        return new AnalyticsTable("retention.churnByCause", ChartKind.HORIZONTAL_BAR, Dimension.CAUSE,
                List.of(new AnalyticsColumn(CHURNED, Unit.COUNT)), rows);
    }

    private static AnalyticsTable churnByKind(Churns churns) {
        Map<CauseKind, Long> byKind = Map.of(CauseKind.NORMAL, churns.known() - churns.abnormal(), CauseKind.ABNORMAL, churns.abnormal(),
                CauseKind.UNKNOWN, churns.total - churns.known());
        List<AnalyticsRow> rows = Arrays.stream(CauseKind.values())
                .map(k -> new AnalyticsRow(k.name(), null, List.of(Ratios.count(byKind.get(k))), List.of(CHURNED))).toList();
        return new AnalyticsTable("retention.churnByKind", ChartKind.PIE, Dimension.CAUSE_KIND, List.of(new AnalyticsColumn(CHURNED, Unit.COUNT)),
                rows);
    }

    private static AnalyticsTable npsByMonth(List<Month> months, Map<String, long[]> byMonth) {
        List<AnalyticsRow> rows = new ArrayList<>();
        for (Month month : months) {
            long[] n = byMonth.getOrDefault(month.key(), new long[3]);
            rows.add(new AnalyticsRow(month.key(), null, Arrays.asList(Ratios.count(n[0]), Ratios.count(n[1]), Ratios.count(n[2]),
                    Nps.score(n[0], n[1], n[2])), List.of(PROMOTERS, PASSIVES, DETRACTORS, ANSWERS)));
        }
        return new AnalyticsTable("retention.npsByMonth", ChartKind.STACKED_BAR, Dimension.MONTH,
                List.of(new AnalyticsColumn(PROMOTERS, Unit.COUNT), new AnalyticsColumn(PASSIVES, Unit.COUNT),
                        new AnalyticsColumn(DETRACTORS, Unit.COUNT), new AnalyticsColumn(NPS, Unit.SCORE)), rows);
    }

    private static AnalyticsTable atRiskByLevel(Map<ChurnRiskLevel, Long> risk) {
        List<AnalyticsRow> rows = Arrays.stream(ChurnRiskLevel.values())
                .map(l -> new AnalyticsRow(l.name(), null, List.of(Ratios.count(risk.getOrDefault(l, 0L))), List.of(AT_RISK))).toList();
        return new AnalyticsTable("retention.atRiskByLevel", ChartKind.BAR, Dimension.RISK_LEVEL, List.of(new AnalyticsColumn(CUSTOMERS, Unit.COUNT)),
                rows);
    }

    // ---- helpers ----

    private static AnalyticsCard count(String code, long value, long previous, String drill) {
        return AnalyticsCard.of(code, Unit.COUNT, Ratios.count(value), Ratios.count(previous), drill);
    }

    /** A calendar month the period touches: its key (yyyy-MM) and where the period's part of it starts. */
    record Month(String key, Instant start) {
    }

    private static List<Month> months(Period period, AnalyticsQuery query) {
        List<Month> months = new ArrayList<>();
        Instant periodStart = period.start(query.zone());
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            Instant monthStart = m.atDay(1).atStartOfDay(query.zone()).toInstant();
            months.add(new Month(m.toString(), monthStart.isBefore(periodStart) ? periodStart : monthStart));
        }
        return months;
    }

    private static Span span(Period period, AnalyticsQuery query) {
        return Span.of(period, query.zone());
    }

    /** A period's churns: all of them, per month and per known cause. */
    private record Churns(long total, Map<String, Long> byMonth, Map<ChurnCause, Long> byCause) {

        long known() {
            return byCause.values().stream().mapToLong(Long::longValue).sum();
        }

        long abnormal() {
            return byCause.entrySet().stream().filter(e -> !e.getKey().isNormal()).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static Churns churns(List<Tuple> rows) {
        long total = 0;
        Map<String, Long> byMonth = new HashMap<>();
        Map<ChurnCause, Long> byCause = new EnumMap<>(ChurnCause.class);
        for (Tuple row : rows) {
            long churned = Rows.longValue(row, "churned");
            total += churned;
            byMonth.merge(Rows.string(row, "month"), churned, Long::sum);
            ChurnCause cause = Rows.enumValue(row, "cause", ChurnCause.class);
            if (cause != null) {
                byCause.merge(cause, churned, Long::sum);
            }
        }
        return new Churns(total, byMonth, byCause);
    }

    /** Promoters, passives and detractors per month. */
    private static Map<String, long[]> npsByMonth(List<Tuple> rows) {
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        for (Tuple row : rows) {
            byMonth.put(Rows.string(row, "month"),
                    new long[] {Rows.longValue(row, "promoters"), Rows.longValue(row, "passives"), Rows.longValue(row, "detractors")});
        }
        return byMonth;
    }

    private static long[] sum(Collection<long[]> counts) {
        long[] total = new long[3];
        for (long[] n : counts) {
            for (int i = 0; i < 3; i++) {
                total[i] += n[i];
            }
        }
        return total;
    }

    /** A month key (yyyy-MM), or null for none. */
    private static String month(String key) {
        if (key == null) {
            return null;
        }
        if (!key.matches("\\d{4}-\\d{2}") || Integer.parseInt(key.substring(5)) < 1 || Integer.parseInt(key.substring(5)) > 12) {
            throw ProblemException.invalidField("key", "a month, yyyy-MM");
        }
        return key;
    }

    private static CauseKind kind(String key) {
        return Arrays.stream(CauseKind.values()).filter(k -> k.name().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("key", "a month (yyyy-MM), a churn cause, or NORMAL, ABNORMAL, UNKNOWN"));
    }

    private static String riskLevel(String key) {
        return Arrays.stream(ChurnRiskLevel.values()).filter(l -> l.name().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("key", "LOW, MEDIUM or HIGH")).name();
    }
}
