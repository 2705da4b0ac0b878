package io.guanxi.crm.activity;

import io.guanxi.crm.contact.ContactHandedOver;
import io.guanxi.crm.interaction.InteractionLogged;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.persistence.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What rules put on people's lists: the published API other features schedule, move and complete
 * their activities with (lead follow-ups, complaint call-backs, escalations, SLA warnings). Each rule
 * keeps at most one open activity per lead or complaint, however often it runs.
 */
@ApplicationScoped
public class RuleActivities {

    @Inject
    ActivityRepository activities;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** Tells people about their activities that fell overdue, once each. */
    @Scheduled(identity = "activity-overdue-scan", every = "${guanxi.activities.overdue-scan-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void scanOverdue() {
        notifyOverdue(clock.instant());
    }

    /** Returns how many were announced (a batch of at most 5 000; the next scan takes the rest). */
    @Transactional
    public int notifyOverdue(Instant now) {
        List<Tuple> fell = activities.announceOverdue(now, 5000);
        notifications.send(fell.stream()
                .map(r -> Notice.of(Rows.uuid(r, "assignee_id"), NotificationKind.ACTIVITY_OVERDUE, null)
                        .aboutActivity(Rows.uuid(r, "id")).aboutContact(Rows.uuid(r, "contact_id")))
                .toList());
        return fell.size();
    }

    /**
     * One open activity per row unless its lead or complaint has an open one from this rule, or (with
     * {@code doneSince}) had one done after that time. Returns how many were made.
     */
    @Transactional
    public int schedule(ActivityRule rule, Map<String, String> params, List<RuleActivity> rows, Instant doneSince, Instant now) {
        List<Tuple> made = activities.insertForRule(rule, params, rows, doneSince, now);
        if (rule == ActivityRule.COMPLAINT_ESCALATED) {
            notifications.send(made.stream().map(r -> Notice.of(Rows.uuid(r, "assignee_id"), NotificationKind.ESCALATION, null)
                    .withParams(params).aboutContact(Rows.uuid(r, "contact_id")).aboutComplaint(Rows.uuid(r, "complaint_id"))
                    .aboutActivity(Rows.uuid(r, "id"))).toList());
        }
        return made.size();
    }

    /**
     * Activities the caller has already decided to make, each with its own id (the caller records it) and
     * its own parameters. No deduplication here: the caller owns "once".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleEach(ActivityRule rule, List<PlannedActivity> planned, Instant now) {
        activities.insertPlanned(rule, planned, now);
    }

    /**
     * Marks done an open activity a rule made, by the id its caller recorded (a campaign target's outcome),
     * as done by {@code by}. Returns whether it was open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean completePlanned(UUID activityId, UUID by, Instant now) {
        return activities.completePlanned(activityId, by, now) > 0;
    }

    /** An activity with its id and parameters, for {@link #scheduleEach}. */
    public record PlannedActivity(UUID id, RuleActivity activity, Map<String, String> params) {
    }

    /** The complaint's open activity from this rule moves to the new due time, or one is made. */
    @Transactional
    public void scheduleOrReschedule(ActivityRule rule, RuleActivity activity, Instant now) {
        activities.upsertForComplaint(rule, activity, Ids.newId(), now);
    }

    /** Marks done the complaint's open activities from this rule, or from every rule when it is null. */
    @Transactional
    public void completeForComplaint(UUID complaintId, ActivityRule rule, Instant now) {
        activities.completeForComplaint(complaintId, rule, now);
    }

    /** Of these candidates, the one with the fewest open activities from this rule, or null: spreads escalations. */
    @Transactional
    public UUID leastBusy(List<UUID> candidates, ActivityRule rule) {
        return activities.leastBusy(candidates, rule).orElse(null);
    }

    /** A customer changed hands: the open work about it that its previous owner had goes with it. */
    void onContactHandedOver(@Observes ContactHandedOver event) {
        if (event.fromOwner() != null && !event.fromOwner().equals(event.toOwner())) {
            activities.carry(event.contactId(), event.fromOwner(), event.toOwner(), clock.instant());
        }
    }

    /** Someone was in touch with the customer: the "no interaction" follow-up about it is done. */
    void onInteractionLogged(@Observes InteractionLogged event) {
        activities.completeForContact(event.contactId(), ActivityRule.LEAD_NO_INTERACTION, event.authorId(), clock.instant());
    }
}
