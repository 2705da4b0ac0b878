package io.guanxi.crm.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every read and write of the {@code notification} table; a person reads only their own. */
@ApplicationScoped
public class NotificationRepository {

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    @Inject
    ObjectMapper json;

    /** Inserts them in one statement. */
    int insert(List<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                INSERT INTO notification (id, recipient_id, kind, params, contact_id, lead_id, activity_id, complaint_id,
                                          actor_id, created_at)
                SELECT n.id, n.recipient_id, n.kind, CAST(n.params AS jsonb), n.contact_id, n.lead_id, n.activity_id,
                       n.complaint_id, n.actor_id, :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:recipients AS uuid[]), CAST(:kinds AS varchar[]),
                            CAST(:params AS varchar[]), CAST(:contacts AS uuid[]), CAST(:leads AS uuid[]),
                            CAST(:activities AS uuid[]), CAST(:complaints AS uuid[]), CAST(:actors AS uuid[]))
                     AS n(id, recipient_id, kind, params, contact_id, lead_id, activity_id, complaint_id, actor_id)""")
                .setParameter("ids", notices.stream().map(n -> Ids.newId()).toArray(UUID[]::new))
                .setParameter("recipients", notices.stream().map(Notice::recipientId).toArray(UUID[]::new))
                .setParameter("kinds", notices.stream().map(n -> n.kind().name()).toArray(String[]::new))
                .setParameter("params", notices.stream().map(n -> toJson(n)).toArray(String[]::new))
                .setParameter("contacts", notices.stream().map(Notice::contactId).toArray(UUID[]::new))
                .setParameter("leads", notices.stream().map(Notice::leadId).toArray(UUID[]::new))
                .setParameter("activities", notices.stream().map(Notice::activityId).toArray(UUID[]::new))
                .setParameter("complaints", notices.stream().map(Notice::complaintId).toArray(UUID[]::new))
                .setParameter("actors", notices.stream().map(Notice::actorId).toArray(UUID[]::new))
                .setParameter("now", now)
                .executeUpdate();
    }

    private String toJson(Notice notice) {
        try {
            return json.writeValueAsString(notice.params() == null ? java.util.Map.of() : notice.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Notification> mine(boolean unreadOnly, PageRequest paging) {
        Visibility.Predicate mine = visibility.addressedToCallerJpql("n.recipientId");
        TypedQuery<Notification> query = mine.bind(em.createQuery("from Notification n where " + mine.text()
                + (unreadOnly ? " and n.readAt is null" : "") + " order by n.createdAt desc, n.id desc", Notification.class));
        return query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
    }

    long count(boolean unreadOnly) {
        Visibility.Predicate mine = visibility.addressedToCallerJpql("n.recipientId");
        return mine.bind(em.createQuery("select count(n) from Notification n where " + mine.text()
                + (unreadOnly ? " and n.readAt is null" : ""), Long.class)).getSingleResult();
    }

    /** Marks one of the caller's notifications read (once); false when it is not theirs or does not exist. */
    boolean markRead(UUID id, Instant now) {
        Visibility.Predicate mine = visibility.addressedToCallerJpql("n.recipientId");
        List<Notification> found = mine.bind(em.createQuery("from Notification n where n.id = :id and " + mine.text(),
                Notification.class)).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Notification n = found.get(0);
        if (n.readAt == null) {
            n.readAt = now;
        }
        return true;
    }

    int markAllRead(Instant now) {
        Visibility.Predicate mine = visibility.addressedToCallerJpql("n.recipientId");
        return mine.bind(em.createQuery("update Notification n set n.readAt = :now where n.readAt is null and " + mine.text()))
                .setParameter("now", now).executeUpdate();
    }
}
