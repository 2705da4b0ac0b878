package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.RepsRepository.OpenWork;
import io.guanxi.crm.analytics.RepsRepository.Speed;
import io.guanxi.crm.analytics.RepsRepository.Timeliness;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Each rep's follow-up efficiency ("Top销售跟进效率"): how fast new leads are first contacted (median, p90,
 * within 24 h), the interactions per open lead, conversion, activities done on time; and the team's.
 */
@ApplicationScoped
public class RepsSection implements AnalyticsSection {

    private static final List<AnalyticsColumn> COLUMNS = List.of(new AnalyticsColumn("reps.newLeads", Unit.COUNT),
            new AnalyticsColumn("reps.medianHours", Unit.HOURS), new AnalyticsColumn("reps.p90Hours", Unit.HOURS),
            new AnalyticsColumn("reps.contactedWithin24h", Unit.COUNT), new AnalyticsColumn("reps.contactedWithin24hRate", Unit.RATIO),
            new AnalyticsColumn("reps.interactionsPerOpenLead", Unit.SCORE), new AnalyticsColumn("reps.conversionRate", Unit.RATIO),
            new AnalyticsColumn("reps.activitiesOnTime", Unit.RATIO), new AnalyticsColumn("reps.wonBack", Unit.COUNT));
    private static final List<String> DRILLS = FunnelSection.drills("reps.newLeads", "reps.contacted", "reps.contacted",
            "reps.contactedWithin24h", "reps.notContactedWithin24h", null, "reps.converted", "reps.activitiesLate", "reps.wonBack");

    @Inject
    RepsRepository repository;

    @Inject
    RetentionRepository retention;

    @Inject
    UserService users;

    @Override
    public Section section() {
        return Section.REPS;
    }

    @Override
    public Figures figures(AnalyticsQuery query) {
        Period previousPeriod = query.previousPeriod();
        List<Speed> speed = repository.speed(query, query.period(), true);
        List<OpenWork> work = repository.openWork(query, query.period());
        List<Timeliness> timeliness = repository.timeliness(query, query.period(), true);
        Speed team = teamOf(speed, Speed::owner);
        Speed teamBefore = teamOf(repository.speed(query, previousPeriod, false), Speed::owner);
        Timeliness onTime = teamOf(timeliness, Timeliness::owner);
        Timeliness onTimeBefore = teamOf(repository.timeliness(query, previousPeriod, false), Timeliness::owner);
        List<AnalyticsCard> cards = List.of(
                AnalyticsCard.of("reps.medianHoursToFirstContact", Unit.HOURS, team.medianHours(), teamBefore.medianHours(), "reps.contacted"),
                AnalyticsCard.of("reps.contactedWithin24h", Unit.RATIO, within24h(team), within24h(teamBefore), "reps.notContactedWithin24h"),
                AnalyticsCard.of("reps.activitiesOnTime", Unit.RATIO, Ratios.of(onTime.onTime(), onTime.due()),
                        Ratios.of(onTimeBefore.onTime(), onTimeBefore.due()), "reps.activitiesLate"));
        Map<UUID, Long> wonBack = retention.wonBackByOwner(RetentionRepository.Span.of(query.period(), query.zone()), query);
        return new Figures(cards, List.of(efficiency(speed, work, timeliness, wonBack)));
    }

    /** One row per rep with new leads, open leads, due activities or customers won back in the scope, most new leads first. */
    private AnalyticsTable efficiency(List<Speed> speed, List<OpenWork> work, List<Timeliness> timeliness, Map<UUID, Long> wonBack) {
        Map<UUID, Speed> speedOf = byOwner(speed, Speed::owner);
        Map<UUID, OpenWork> workOf = byOwner(work, OpenWork::owner);
        Map<UUID, Timeliness> timelinessOf = byOwner(timeliness, Timeliness::owner);
        Set<UUID> reps = Stream.of(speedOf.keySet(), workOf.keySet(), timelinessOf.keySet(), wonBack.keySet()).flatMap(Set::stream)
                .collect(Collectors.toSet());
        Map<UUID, String> names = users.displayNames(reps);
        Speed none = new Speed(null, 0, null, null, 0, 0, 0);
        List<AnalyticsRow> rows = reps.stream()
                .sorted(Comparator.comparingLong((UUID rep) -> speedOf.getOrDefault(rep, none).newLeads()).reversed()
                        .thenComparing(rep -> names.getOrDefault(rep, "")).thenComparing(UUID::toString))
                .map(rep -> {
                    Speed s = speedOf.getOrDefault(rep, none);
                    OpenWork w = workOf.get(rep);
                    Timeliness t = timelinessOf.get(rep);
                    return new AnalyticsRow(rep.toString(), names.get(rep), FunnelSection.values(Ratios.count(s.newLeads()), s.medianHours(),
                            s.p90Hours(), Ratios.count(s.within24h()), within24h(s), w == null ? null : perLead(w),
                            Ratios.of(s.converted(), s.newLeads()), t == null ? null : Ratios.of(t.onTime(), t.due()),
                            Ratios.count(wonBack.getOrDefault(rep, 0L))), DRILLS);
                }).toList();
        return new AnalyticsTable("reps.efficiency", ChartKind.TABLE, Dimension.REP, COLUMNS, rows);
    }

    @Override
    public Optional<DrillQuery> drill(String figure, String key, AnalyticsQuery query) {
        UUID rep = null;
        if (key != null) {
            FunnelSection.requireUuid(key);
            rep = UUID.fromString(key);
        }
        return Optional.ofNullable(switch (figure) {
            case "reps.newLeads" -> RepsRepository.leadDrill(query, "TRUE", rep);
            case "reps.contacted" -> RepsRepository.leadDrill(query, "c.contacted", rep);
            case "reps.contactedWithin24h" -> RepsRepository.leadDrill(query, "c.within_24h", rep);
            case "reps.notContactedWithin24h" -> RepsRepository.leadDrill(query, "c.missed_24h", rep);
            case "reps.converted" -> RepsRepository.leadDrill(query, "c.converted", rep);
            case "reps.activitiesLate" -> RepsRepository.lateActivities(query, rep);
            // A rep's customers won back: the retention figure narrowed to that rep, as the ownerId filter does.
            case "reps.wonBack" -> retention.winbackRows(RetentionRepository.Span.of(query.period(), query.zone()),
                    rep == null ? query : new AnalyticsQuery(query.period(), new AnalyticsFilter(rep, query.filter().region(),
                            query.filter().tier()), query.bookOwner(), query.zone(), query.now()), false);
            default -> null;
        });
    }

    /** Of the new leads whose first 24 h are decided (contacted within them, or over), the share contacted within them. */
    private static BigDecimal within24h(Speed speed) {
        return Ratios.of(speed.within24h(), speed.within24h() + speed.missed24h());
    }

    private static BigDecimal perLead(OpenWork work) {
        return work.openLeads() == 0 ? null
                : BigDecimal.valueOf(work.interactions()).divide(BigDecimal.valueOf(work.openLeads()), 2, RoundingMode.HALF_UP);
    }

    private static <T> T teamOf(List<T> rows, Function<T, UUID> owner) {
        return rows.stream().filter(r -> owner.apply(r) == null).findFirst().orElseThrow();
    }

    private static <T> Map<UUID, T> byOwner(List<T> rows, Function<T, UUID> owner) {
        return rows.stream().filter(r -> owner.apply(r) != null).collect(Collectors.toMap(owner, Function.identity()));
    }
}
