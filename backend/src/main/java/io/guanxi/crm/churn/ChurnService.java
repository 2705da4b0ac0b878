package io.guanxi.crm.churn;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.churn.ChurnRecordRepository.NewChurn;
import io.guanxi.crm.churn.api.ChurnInvestigationRequest;
import io.guanxi.crm.churn.api.ChurnRecordResponse;
import io.guanxi.crm.churn.api.ChurnRequest;
import io.guanxi.crm.churn.api.ChurnRuleResult;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.contact.ContactService.ChurnedCustomer;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Churn (000: 流失): a customer is churned by the policy's rule or by hand; each churn is a record with
 * its cause and investigation, kept as history when the customer buys again (the purchase moves the
 * lifecycle back to PURCHASE through the contact feature, the record stays). A churn without a known
 * cause gives its owner a CHURN_INVESTIGATION activity.
 */
@ApplicationScoped
public class ChurnService {

    @Inject
    ChurnRecordRepository records;

    @Inject
    ChurnReviewRepository reviews;

    @Inject
    ChurnPolicies policies;

    @Inject
    ContactService contacts;

    @Inject
    RuleActivities activities;

    @Inject
    UserService users;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    /**
     * The daily rule: every customer (PURCHASE or LOYALTY) with no purchase for the policy's months is
     * churned, cause unknown, and its owner gets an investigation activity. Once per customer however
     * often and however concurrently it runs: the contact rows are locked and only those still not
     * churned move (and get a record).
     */
    @Transactional
    public ChurnRuleResult runRule(Instant now) {
        ChurnPolicy policy = policies.current();
        if (!policy.ruleEnabled) {
            return new ChurnRuleResult(0);
        }
        ZoneId zone = zone();
        Instant cutoff = now.atZone(zone).minusMonths(policy.monthsWithoutPurchase).toInstant();
        List<UUID> candidates = records.ruleCandidates(cutoff);
        return new ChurnRuleResult(churn(candidates, ChurnMethod.RULE, null, null, null, now).size());
    }

    /** Marks a customer the caller may see as churned; reps their own customers, managers and admins anyone's. */
    @Transactional
    public ChurnRecordResponse churnByHand(UUID contactId, ChurnRequest request) {
        contacts.requireContactForWriting(contactId);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        List<UUID> made = churn(List.of(contactId), ChurnMethod.HAND, currentUser.id(), request.cause(), note, clock.instant());
        if (made.isEmpty()) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Already churned", "The customer is churned already or archived");
        }
        return get(made.get(0));
    }

    /**
     * Churns these customers now (those already churned or archived are left out) and records each
     * churn; returns the ids of the records made. For the rule, the hand action and the demo seeding.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> churn(Collection<UUID> contactIds, ChurnMethod method, UUID actor, ChurnCause cause, String note, Instant at) {
        List<ChurnedCustomer> moved = contacts.moveToChurned(contactIds, method == ChurnMethod.RULE ? "CHURN_RULE" : "CHURN_HAND",
                actor, at);
        ZoneId zone = zone();
        LocalDate today = LocalDate.ofInstant(at, zone);
        YearMonth month = YearMonth.from(today);
        List<NewChurn> churns = new ArrayList<>();
        List<PlannedActivity> investigations = new ArrayList<>();
        for (ChurnedCustomer customer : moved) {
            UUID activityId = null;
            if (cause == null) {
                activityId = Ids.newId();
                investigations.add(new PlannedActivity(activityId, RuleActivity.forContactOn(customer.ownerId(), customer.contactId(),
                        today, zone), Map.of("month", month.toString())));
            }
            churns.add(new NewChurn(Ids.newId(), customer.contactId(), customer.fromStage().name(), customer.ownerId(), activityId));
        }
        activities.scheduleEach(ActivityRule.CHURN_INVESTIGATION, investigations, at);
        records.insertAll(churns, at, month.atDay(1), method, actor, cause, note);
        return churns.stream().map(NewChurn::id).toList();
    }

    /** One churn, if the caller may see its customer (404 otherwise, as for one that does not exist). */
    @Transactional
    public ChurnRecordResponse get(UUID id) {
        return records.visible(id, visibility.contactSql("c")).map(row -> toResponses(List.of(row)).get(0))
                .orElseThrow(() -> ProblemException.notFound("Churn " + id));
    }

    /** A customer's churns, newest first (history: a customer who came back keeps them). */
    @Transactional
    public List<ChurnRecordResponse> ofContact(UUID contactId) {
        visibility.requireContact(contactId);
        return toResponses(records.ofContact(contactId));
    }

    /** Records the cause found and the analysis; refused once the month's review is closed. */
    @Transactional
    public ChurnRecordResponse investigate(UUID id, String ifMatch, ChurnInvestigationRequest request) {
        IfMatch.requiredVersion(ifMatch);
        if (records.visible(id, visibility.contactSql("c")).isEmpty()) {
            throw ProblemException.notFound("Churn " + id);
        }
        ChurnRecord record = records.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Churn " + id));
        IfMatch.check(ifMatch, record.version);
        if (reviews.isClosed(record.month)) {
            throw reviewClosed();
        }
        record.cause = request.cause();
        record.analysis = request.analysis().trim();
        record.investigatedBy = currentUser.id();
        record.investigatedAt = clock.instant();
        records.flush();
        return get(id);
    }

    static ProblemException reviewClosed() {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Review closed",
                "The churn review of this month is closed; its entries are read-only");
    }

    List<ChurnRecordResponse> toResponses(List<Tuple> rows) {
        Set<UUID> people = new HashSet<>();
        for (Tuple row : rows) {
            people.add(Rows.uuid(row, "owner_id"));
            UUID investigator = Rows.uuid(row, "investigated_by");
            if (investigator != null) {
                people.add(investigator);
            }
        }
        Map<UUID, String> names = users.displayNames(people);
        return rows.stream().map(r -> {
            ChurnCause cause = Rows.enumValue(r, "cause", ChurnCause.class);
            UUID investigator = Rows.uuid(r, "investigated_by");
            return new ChurnRecordResponse(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), Rows.string(r, "contact_name"),
                    Rows.instant(r, "churned_at"), YearMonth.from(Rows.localDate(r, "month")).toString(),
                    Rows.enumValue(r, "method", ChurnMethod.class),
                    Rows.enumValue(r, "from_stage", io.guanxi.crm.contact.LifecycleStage.class), Rows.uuid(r, "owner_id"),
                    names.get(Rows.uuid(r, "owner_id")), Rows.string(r, "abc_tier"), cause, cause == null ? null : cause.isNormal(),
                    Rows.string(r, "analysis"), investigator, investigator == null ? null : names.get(investigator),
                    Rows.instant(r, "investigated_at"), Rows.uuid(r, "recorded_by"), Rows.instant(r, "won_back_at"),
                    Boolean.TRUE.equals(Rows.bool(r, "review_closed")), Rows.longValue(r, "version"));
        }).toList();
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }
}
