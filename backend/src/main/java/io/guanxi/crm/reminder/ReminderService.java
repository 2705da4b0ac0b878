package io.guanxi.crm.reminder;

import io.guanxi.crm.lead.LeadStatus;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import io.guanxi.crm.platform.db.SqlValues;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follow-up reminders. Created set-based by {@link #remindStaleLeads(Instant)}: an open, owned lead
 * whose contact has had no interaction for the policy's care period (since the lead was created, if
 * never) gets one open reminder for its owner; the unique index keeps it to one however often it runs,
 * and a reminder done within the period is not repeated. This job reads the lead tables it serves.
 */
@ApplicationScoped
public class ReminderService {

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** Returns how many reminders were created. */
    @Transactional
    public int remindStaleLeads(Instant now) {
        return em.createNativeQuery("""
                INSERT INTO reminder (id, owner_id, contact_id, lead_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), l.owner_id, l.contact_id, l.id, 'LEAD_NO_INTERACTION',
                       'No interaction for ' || p.care_after_days || ' days: follow up', CAST(:now AS timestamptz), :now
                FROM lead l
                JOIN contact c ON c.id = l.contact_id
                CROSS JOIN (SELECT care_after_days FROM lead_scoring_policy ORDER BY version DESC LIMIT 1) AS p
                WHERE l.status IN %s AND l.owner_id IS NOT NULL
                  AND greatest(c.last_contacted_at, l.created_at) < CAST(:now AS timestamptz) - make_interval(days => p.care_after_days)
                  AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.lead_id = l.id AND r.reason = 'LEAD_NO_INTERACTION'
                                  AND r.done_at > CAST(:now AS timestamptz) - make_interval(days => p.care_after_days))
                ON CONFLICT (lead_id, reason) WHERE done_at IS NULL DO NOTHING""".formatted(LeadStatus.OPEN_SQL))
                .setParameter("now", now).executeUpdate();
    }

    @Transactional
    public PageResponse<ReminderResponse> mine(boolean includeDone, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("dueAt", "due_at"), "dueAt,asc");
        String where = "owner_id = :me" + (includeDone ? "" : " AND done_at IS NULL");
        long total = SqlValues.longValue(em.createNativeQuery("SELECT count(*) FROM reminder WHERE " + where)
                .setParameter("me", currentUser.id()).getSingleResult());
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT id AS id, owner_id AS owner_id, contact_id AS contact_id, lead_id AS lead_id, reason AS reason, note AS note,
                       due_at AS due_at, done_at AS done_at, created_at AS created_at, complaint_id AS complaint_id FROM reminder
                WHERE %s ORDER BY %s, id LIMIT :size OFFSET :offset""".formatted(where, paging.orderBySql()), Tuple.class)
                .setParameter("me", currentUser.id()).setParameter("size", paging.size())
                .setParameter("offset", paging.offset()));
        return new PageResponse<>(rows.stream().map(ReminderService::toResponse).toList(), paging.page(), paging.size(), total);
    }

    @Transactional
    public void done(UUID id) {
        int updated = em.createNativeQuery("""
                UPDATE reminder SET done_at = coalesce(done_at, :now) WHERE id = :id AND owner_id = :me""")
                .setParameter("now", clock.instant()).setParameter("id", id).setParameter("me", currentUser.id())
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("Reminder " + id);
        }
    }

    // --- Published API: the complaint feature schedules and completes its reminders only through these.

    /**
     * Schedules one open reminder per complaint for this reason, set-based; a complaint that already
     * has an open one for the reason keeps it (its due time too). Returns how many were created.
     */
    @Transactional
    public int scheduleForComplaints(ComplaintReminder.Reason reason, String note, List<ComplaintReminder> reminders, Instant now) {
        if (reminders.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), r.owner_id, r.contact_id, r.complaint_id, :reason, :note, r.due_at, :now
                FROM unnest(CAST(:owners AS uuid[]), CAST(:contacts AS uuid[]), CAST(:complaints AS uuid[]),
                            CAST(:dues AS timestamptz[])) AS r(owner_id, contact_id, complaint_id, due_at)
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING""")
                .setParameter("reason", reason.name()).setParameter("note", note).setParameter("now", now)
                .setParameter("owners", reminders.stream().map(ComplaintReminder::ownerId).toArray(UUID[]::new))
                .setParameter("contacts", reminders.stream().map(ComplaintReminder::contactId).toArray(UUID[]::new))
                .setParameter("complaints", reminders.stream().map(ComplaintReminder::complaintId).toArray(UUID[]::new))
                .setParameter("dues", reminders.stream().map(ComplaintReminder::dueAt).toArray(Instant[]::new))
                .executeUpdate();
    }

    /** Schedules the complaint's open reminder for this reason, or moves the open one to the new due time. */
    @Transactional
    public void scheduleOrReschedule(ComplaintReminder.Reason reason, String note, ComplaintReminder reminder, Instant now) {
        em.createNativeQuery("""
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                VALUES (:id, :owner, :contact, :complaint, :reason, :note, :due, :now)
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO UPDATE SET due_at = EXCLUDED.due_at""")
                .setParameter("id", Ids.newId()).setParameter("owner", reminder.ownerId()).setParameter("contact", reminder.contactId())
                .setParameter("complaint", reminder.complaintId()).setParameter("reason", reason.name()).setParameter("note", note)
                .setParameter("due", reminder.dueAt()).setParameter("now", now).executeUpdate();
    }

    /** Marks the complaint's open reminders done: those for this reason, or all of them if it is null. */
    @Transactional
    public void completeForComplaint(UUID complaintId, ComplaintReminder.Reason reason, Instant now) {
        em.createNativeQuery("""
                UPDATE reminder SET done_at = :now
                WHERE complaint_id = :id AND done_at IS NULL AND (CAST(:reason AS varchar) IS NULL OR reason = :reason)""")
                .setParameter("now", now).setParameter("id", complaintId)
                .setParameter("reason", reason == null ? null : reason.name()).executeUpdate();
    }

    /**
     * Of these candidates, the one with the fewest open reminders for this reason (ties: the lowest
     * id, as PostgreSQL orders uuids), or null if there is none: spreads escalations across managers.
     */
    @Transactional
    public UUID leastBusy(List<UUID> candidates, ComplaintReminder.Reason reason) {
        if (candidates.isEmpty()) {
            return null;
        }
        return Rows.first(em.createNativeQuery("""
                SELECT u.id AS id FROM unnest(CAST(:ids AS uuid[])) AS u(id)
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = :reason AND m.done_at IS NULL), u.id
                LIMIT 1""", Tuple.class)
                .setParameter("ids", candidates.toArray(UUID[]::new)).setParameter("reason", reason.name()))
                .map(r -> Rows.uuid(r, "id")).orElse(null);
    }

    private static ReminderResponse toResponse(Tuple r) {
        return new ReminderResponse(Rows.uuid(r, "id"), Rows.uuid(r, "owner_id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "lead_id"),
                Rows.string(r, "reason"), Rows.string(r, "note"), Rows.instant(r, "due_at"), Rows.instant(r, "done_at"),
                Rows.instant(r, "created_at"), Rows.uuid(r, "complaint_id"));
    }

}
