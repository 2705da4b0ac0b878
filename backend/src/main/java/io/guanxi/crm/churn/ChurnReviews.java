package io.guanxi.crm.churn;

import io.guanxi.crm.churn.api.ChurnRecordResponse;
import io.guanxi.crm.churn.api.ChurnReviewResponse;
import io.guanxi.crm.churn.api.ChurnReviewResponse.CauseCount;
import io.guanxi.crm.churn.api.ChurnReviewResponse.RepCount;
import io.guanxi.crm.churn.api.ChurnReviewResponse.TierCount;
import io.guanxi.crm.churn.api.ChurnReviewSummary;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly churn review (000: 每月初统计上月流失明细): on the 1st of each month (business time zone) the
 * review of last month is produced with its customer base; each churned customer needs a cause and an
 * analysis; a manager closes it, after which it and its entries are read-only. Managers and admins see
 * the whole team's review; a sales rep the entries of their own customers and counts over those only.
 */
@ApplicationScoped
public class ChurnReviews {

    @Inject
    ChurnReviewRepository reviews;

    @Inject
    ChurnRecordRepository records;

    @Inject
    ChurnService churn;

    @Inject
    UserService users;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** Produces the review of last month (in the business time zone) unless it exists; for the scheduled job. */
    @Transactional
    public void produceDue(Instant now) {
        YearMonth last = YearMonth.from(LocalDate.ofInstant(now, churn.zone())).minusMonths(1);
        if (reviews.findByIdOptional(last.atDay(1)).isEmpty()) {
            produce(last, now);
        }
    }

    /** Produces the review of a month that has ended, or returns the one that exists (idempotent). */
    @Transactional
    public ChurnReviewResponse produce(String month) {
        YearMonth asked = parse(month, "month");
        if (!asked.isBefore(YearMonth.from(LocalDate.ofInstant(clock.instant(), churn.zone())))) {
            throw ProblemException.invalidField("month", "must be a month that has ended");
        }
        produce(asked, clock.instant());
        return get(asked.toString());
    }

    private void produce(YearMonth month, Instant now) {
        ZoneId zone = churn.zone();
        reviews.produce(month.atDay(1), month.atDay(1).atStartOfDay(zone).toInstant(), now);
    }

    @Transactional
    public PageResponse<ChurnReviewSummary> list(Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("month", "month"), "month,desc");
        List<ChurnReview> found = reviews.newestFirst(paging.page(), paging.size());
        Map<LocalDate, Tuple> counts = records.countsOfMonths(found.stream().map(r -> r.month).toList(), visibility.contactSql("c"))
                .stream().collect(Collectors.toMap(r -> Rows.localDate(r, "month"), Function.identity()));
        boolean team = visibility.seesAllCustomers();
        List<ChurnReviewSummary> items = found.stream().map(r -> {
            Tuple c = counts.get(r.month);
            int churned = c == null ? 0 : (int) Rows.longValue(c, "churned");
            return new ChurnReviewSummary(YearMonth.from(r.month).toString(), r.state, r.producedAt, team ? r.customersAtStart : null,
                    team ? rate(churned, r.customersAtStart) : null, churned, c == null ? 0 : (int) Rows.longValue(c, "incomplete"),
                    r.closedAt, r.version);
        }).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), reviews.count());
    }

    @Transactional
    public ChurnReviewResponse get(String month) {
        ChurnReview review = reviews.findByIdOptional(parse(month, "month").atDay(1))
                .orElseThrow(() -> ProblemException.notFound("Churn review " + month));
        return toResponse(review);
    }

    /** Closes a review whose every entry has a cause and an analysis; refused (409) while any lacks one. */
    @Transactional
    public ChurnReviewResponse close(String month, String ifMatch) {
        IfMatch.requiredVersion(ifMatch);
        ChurnReview review = reviews.findForUpdate(parse(month, "month").atDay(1))
                .orElseThrow(() -> ProblemException.notFound("Churn review " + month));
        IfMatch.check(ifMatch, review.version);
        if (review.state == ChurnReviewState.CLOSED) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Review closed", "The review is closed already");
        }
        long incomplete = Rows.longValue(records.teamCounts(review.month), "incomplete");
        if (incomplete > 0) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Review incomplete",
                    incomplete + " churned customers still lack a cause or an analysis");
        }
        review.state = ChurnReviewState.CLOSED;
        review.closedBy = currentUser.id();
        review.closedAt = clock.instant();
        reviews.flush();
        return toResponse(review);
    }

    private ChurnReviewResponse toResponse(ChurnReview review) {
        List<ChurnRecordResponse> entries = churn.toResponses(records.ofMonth(review.month, visibility.contactSql("c")));
        boolean team = visibility.seesAllCustomers();
        int normal = (int) entries.stream().filter(e -> Boolean.TRUE.equals(e.normal())).count();
        int unknown = (int) entries.stream().filter(e -> e.cause() == null).count();
        int incomplete = (int) entries.stream().filter(e -> e.cause() == null || e.analysis() == null).count();

        Map<ChurnCause, Long> causes = entries.stream().filter(e -> e.cause() != null)
                .collect(Collectors.groupingBy(ChurnRecordResponse::cause, Collectors.counting()));
        List<CauseCount> byCause = new java.util.ArrayList<>(Arrays.stream(ChurnCause.values()).filter(causes::containsKey)
                .map(c -> new CauseCount(c, c.isNormal(), causes.get(c).intValue())).toList());
        if (unknown > 0) {
            byCause.add(new CauseCount(null, null, unknown));
        }
        Map<UUID, Long> reps = entries.stream().collect(Collectors.groupingBy(ChurnRecordResponse::ownerId, LinkedHashMap::new,
                Collectors.counting()));
        Map<UUID, String> repNames = users.displayNames(Set.copyOf(reps.keySet()));
        List<RepCount> byRep = reps.entrySet().stream()
                .map(e -> new RepCount(e.getKey(), repNames.get(e.getKey()), e.getValue().intValue()))
                .sorted(Comparator.comparingInt(RepCount::count).reversed().thenComparing(r -> Objects.toString(r.ownerName(), "")))
                .toList();
        Map<String, Long> tiers = entries.stream().collect(Collectors.groupingBy(e -> Objects.toString(e.abcTier(), ""),
                Collectors.counting()));
        List<TierCount> byTier = tiers.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(t -> t.isEmpty() ? "~" : t)))
                .map(e -> new TierCount(e.getKey().isEmpty() ? null : e.getKey(), e.getValue().intValue())).toList();

        Integer base = team ? review.customersAtStart : null;
        BigDecimal rate = team ? rate((int) Rows.longValue(records.teamCounts(review.month), "churned"), review.customersAtStart) : null;
        return new ChurnReviewResponse(YearMonth.from(review.month).toString(), review.state, review.producedAt, base, rate,
                entries.size(), normal, entries.size() - normal - unknown, unknown, incomplete, byCause, byRep, byTier, entries,
                review.closedBy, review.closedBy == null ? null : users.displayNames(Set.of(review.closedBy)).get(review.closedBy),
                review.closedAt, review.version);
    }

    /** Churned ÷ customers at the start, to four decimals (0.0250 = 2.5 %); null without customers. */
    static BigDecimal rate(int churned, int customersAtStart) {
        if (customersAtStart == 0) {
            return null;
        }
        return BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(customersAtStart), 4, RoundingMode.HALF_UP);
    }

    static YearMonth parse(String month, String field) {
        if (month == null || !month.matches("\\d{4}-\\d{2}")) {
            throw ProblemException.invalidField(field, "must be a month, yyyy-MM");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a month, yyyy-MM");
        }
    }
}
