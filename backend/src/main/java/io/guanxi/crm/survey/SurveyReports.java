package io.guanxi.crm.survey;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.survey.api.NpsFigure;
import io.guanxi.crm.survey.api.NpsReport;
import io.guanxi.crm.survey.api.SurveyAnswerResponse;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** NPS by month, ABC tier and owner, and the recent answers — of the customers the caller may see. */
@ApplicationScoped
public class SurveyReports {

    static final int MAX_MONTHS = 36;

    @Inject
    SurveyRepository repository;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public NpsReport nps(String fromText, String toText) {
        ZoneId zone = ZoneId.of(config.zone());
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        YearMonth to = toText == null ? current : month("to", toText);
        YearMonth from = fromText == null ? to.minusMonths(11) : month("from", fromText);
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ProblemException.invalidField("from", "the range may cover at most " + MAX_MONTHS + " months");
        }
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Visibility.Predicate visible = visibility.contactSql("c");

        List<NpsFigure> all = figures(repository.npsCounts(SurveyRepository.Grouping.ALL, start, end, zone.getId(), visible), Map.of());
        Map<String, NpsFigure> byMonth = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            byMonth.put(m.toString(), new NpsFigure(m.toString(), null, 0, 0, 0, 0, null));
        }
        figures(repository.npsCounts(SurveyRepository.Grouping.MONTH, start, end, zone.getId(), visible), Map.of())
                .forEach(f -> byMonth.put(f.key(), f));
        List<NpsFigure> byTier = figures(repository.npsCounts(SurveyRepository.Grouping.TIER, start, end, zone.getId(), visible), Map.of());
        List<Tuple> owners = repository.npsCounts(SurveyRepository.Grouping.OWNER, start, end, zone.getId(), visible);
        Map<UUID, String> names = users.displayNames(owners.stream().map(r -> r.get("group_key", String.class))
                .filter(Objects::nonNull).map(UUID::fromString).toList());
        Map<String, String> labels = new LinkedHashMap<>();
        names.forEach((id, name) -> labels.put(id.toString(), name));
        NpsFigure overall = all.isEmpty() ? new NpsFigure("ALL", null, 0, 0, 0, 0, null) : all.get(0);
        return new NpsReport(from.toString(), to.toString(), overall, new ArrayList<>(byMonth.values()), byTier,
                figures(owners, labels));
    }

    @Transactional
    public PageResponse<SurveyAnswerResponse> answers(Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("answeredAt", "a.answered_at"), "answeredAt,desc");
        Visibility.Predicate visible = visibility.contactSql("c");
        List<Tuple> rows = repository.answers(visible, paging.offset(), paging.size());
        Set<UUID> owners = new HashSet<>();
        rows.forEach(r -> {
            if (Rows.uuid(r, "owner_id") != null) {
                owners.add(Rows.uuid(r, "owner_id"));
            }
        });
        Map<UUID, String> names = users.displayNames(owners);
        List<SurveyAnswerResponse> items = rows.stream().map(r -> new SurveyAnswerResponse(Rows.uuid(r, "invitation_id"),
                Rows.uuid(r, "contact_id"), Rows.string(r, "name"), Rows.uuid(r, "owner_id"), names.get(Rows.uuid(r, "owner_id")),
                Rows.enumValue(r, "template", SurveyTemplate.class), Rows.enumValue(r, "trigger", SurveyTrigger.class),
                Rows.intValue(r, "score"), Rows.string(r, "comment"), Rows.instant(r, "answered_at"))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), repository.countAnswers(visible));
    }

    private static List<NpsFigure> figures(List<Tuple> rows, Map<String, String> labels) {
        return rows.stream().map(r -> {
            String key = r.get("group_key", String.class);
            long promoters = Rows.longValue(r, "promoters");
            long passives = Rows.longValue(r, "passives");
            long detractors = Rows.longValue(r, "detractors");
            return new NpsFigure(key == null ? "NONE" : key, labels.get(key), promoters + passives + detractors, promoters, passives,
                    detractors, Nps.score(promoters, passives, detractors));
        }).toList();
    }

    private static YearMonth month(String field, String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw ProblemException.invalidField(field, "must be a month between 2000-01 and 2100-12");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a month, YYYY-MM");
        }
    }
}
