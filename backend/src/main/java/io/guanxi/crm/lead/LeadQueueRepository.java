package io.guanxi.crm.lead;

import io.guanxi.crm.interaction.InteractionReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reads behind a working day's lead queues: one rep's new leads, the unassigned ones, and how
 * quickly the team reaches new leads (interaction times through {@link InteractionReadModel}, as scoring).
 */
@ApplicationScoped
public class LeadQueueRepository {

    private static final String WAITING = """
            SELECT l.id AS id, l.contact_id AS contact_id, l.score AS score, coalesce(l.assigned_at, l.created_at) AS since
            FROM lead l WHERE %s ORDER BY l.score DESC, since, l.id LIMIT :limit""";

    @Inject
    EntityManager em;

    /** A rep's NEW leads (nobody has been in touch since they came). */
    List<Tuple> newLeadsOf(UUID owner, int limit) {
        return Rows.list(em.createNativeQuery(WAITING.formatted("l.owner_id = :owner AND l.status = 'NEW'"), Tuple.class)
                .setParameter("owner", owner).setParameter("limit", limit));
    }

    long countNewLeadsOf(UUID owner) {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap(
                "SELECT 1 FROM lead WHERE owner_id = :owner AND status = 'NEW'"))
                .setParameter("owner", owner).getSingleResult());
    }

    /** Open leads nobody owns. */
    List<Tuple> unassigned(int limit) {
        return Rows.list(em.createNativeQuery(WAITING.formatted("l.owner_id IS NULL AND l.status IN " + LeadStatus.OPEN_SQL),
                Tuple.class).setParameter("limit", limit));
    }

    long countUnassigned() {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap(
                "SELECT 1 FROM lead WHERE owner_id IS NULL AND status IN " + LeadStatus.OPEN_SQL)).getSingleResult());
    }

    /**
     * Of the leads assigned since {@code since}, how many there are and how many had an interaction with
     * their customer within 24 hours of the assignment (001 §4.2: reach a new lead within a day).
     */
    Tuple contactedWithinADay(Instant since) {
        return Rows.first(em.createNativeQuery("""
                SELECT count(*) AS assigned,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM %s i WHERE i.contact_id = l.contact_id
                             AND i.occurred_at >= l.assigned_at AND i.occurred_at < l.assigned_at + interval '24 hours'))
                           AS contacted
                FROM lead l WHERE l.owner_id IS NOT NULL AND l.assigned_at >= :since""".formatted(InteractionReadModel.CONTACT_ACTIVITY),
                Tuple.class)
                .setParameter("since", since)).orElseThrow();
    }
}
