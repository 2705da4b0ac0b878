package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.analytics.AnalyticsSection.Figures;
import io.guanxi.crm.analytics.api.AnalyticsReport;
import io.guanxi.crm.analytics.api.DrillRow;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Figures for the caller's book: parses the period and filters, runs a section, lists the rows behind a figure. */
@ApplicationScoped
public class Analytics {

    static final Set<String> TIERS = Set.of("A", "B", "C", "INACTIVE");
    private static final Pattern FIGURE = Pattern.compile("[A-Za-z0-9_.]{1,80}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:+\\-]{1,80}");
    /** An export of the rows behind a figure stops here: what one XLSX sheet holds, with room to spare. */
    static final int EXPORT_MAX_ROWS = 1_000_000;

    private final Map<Section, AnalyticsSection> sections = new EnumMap<>(Section.class);

    @Inject
    Visibility visibility;

    @Inject
    AnalyticsRepository repository;

    @Inject
    UserService users;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Inject
    void register(Instance<AnalyticsSection> all) {
        all.forEach(section -> sections.put(section.section(), section));
    }

    /** The query for the caller: their own book if they are a rep, whatever the filters say. */
    public AnalyticsQuery query(PeriodPreset preset, LocalDate from, LocalDate to, UUID ownerId, String region, String tier) {
        if (region != null && Stream.of(Region.values()).noneMatch(r -> r.name().equals(region))) {
            throw ProblemException.invalidField("region", "must be one of " + Stream.of(Region.values()).map(Enum::name).toList());
        }
        if (tier != null && !TIERS.contains(tier)) {
            throw ProblemException.invalidField("tier", "must be one of A, B, C, INACTIVE");
        }
        ZoneId zone = zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Period period = Period.of(preset == null ? PeriodPreset.THIS_MONTH : preset, from, to, today);
        return new AnalyticsQuery(period, new AnalyticsFilter(ownerId, region, tier), visibility.bookOwner(), zone, clock.instant());
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    @Transactional
    public AnalyticsReport report(Section section, AnalyticsQuery query) {
        Figures figures = section(section).figures(query);
        Period previous = query.previousPeriod();
        return new AnalyticsReport(section, query.period().from(), query.period().to(), previous.from(), previous.to(),
                query.bookOwner().isPresent(), figures.cards(), figures.tables());
    }

    /** The statement behind a figure; 404 when the section has no such figure. */
    public DrillQuery drillQuery(Section section, String figure, String key, AnalyticsQuery query) {
        if (!FIGURE.matcher(figure).matches()) {
            throw ProblemException.invalidField("figure", "letters, digits, '.' and '_' only, at most 80");
        }
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("key", "letters, digits and . _ : + - only, at most 80");
        }
        return section(section).drill(figure, key, query)
                .orElseThrow(() -> ProblemException.notFound("Figure " + section + "/" + figure));
    }

    @Transactional
    public PageResponse<DrillRow> drill(DrillQuery drill, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of("at", "d.at"), "at,desc");
        long total = repository.count(drill);
        List<Tuple> rows = repository.page(drill, request.offset(), request.size());
        Map<UUID, String> names = users.displayNames(rows.stream().map(r -> Rows.uuid(r, "owner_id")).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        return new PageResponse<>(rows.stream().map(r -> toRow(r, names)).toList(), request.page(), request.size(), total);
    }

    /** Every row behind a figure (up to {@link #EXPORT_MAX_ROWS}), one by one, inside one read transaction. */
    @Transactional
    public void eachDrillRow(DrillQuery drill, Consumer<DrillRow> sink) {
        Map<UUID, String> names = new HashMap<>();
        try (Stream<Tuple> rows = repository.stream(drill, EXPORT_MAX_ROWS)) {
            rows.forEach(row -> {
                UUID owner = Rows.uuid(row, "owner_id");
                if (owner != null && !names.containsKey(owner)) {
                    names.putAll(users.displayNames(Set.of(owner)));
                }
                sink.accept(toRow(row, names));
            });
        }
    }

    private static DrillRow toRow(Tuple row, Map<UUID, String> names) {
        UUID owner = Rows.uuid(row, "owner_id");
        BigDecimal amount = row.get("amount") == null ? null : Rows.decimal(row, "amount");
        return new DrillRow(DrillKind.valueOf(Rows.string(row, "kind")), Rows.uuid(row, "id"), Rows.uuid(row, "contact_id"),
                Rows.string(row, "title"), owner, owner == null ? null : names.get(owner), Rows.instant(row, "at"), amount,
                Rows.string(row, "note"));
    }

    private AnalyticsSection section(Section section) {
        AnalyticsSection found = sections.get(section);
        if (found == null) {
            throw ProblemException.notFound("Section " + section);
        }
        return found;
    }
}
