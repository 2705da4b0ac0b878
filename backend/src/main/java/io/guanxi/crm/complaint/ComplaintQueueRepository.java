package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** An agent's queue: the open complaints they work on or nobody does, the nearest deadline first. */
@ApplicationScoped
public class ComplaintQueueRepository {

    /** The deadline of the step a complaint is in, as {@link SlaDeadline} defines it. */
    private static final String NEXT_DUE = SlaDeadline.currentDueSql("c");

    private static final String MINE_OR_NOBODYS = "c.state IN " + ComplaintState.OPEN_SQL
            + " AND (c.assignee_id = :me OR c.assignee_id IS NULL)";

    @Inject
    EntityManager em;

    List<Tuple> urgent(UUID me, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT c.id AS id, c.contact_id AS contact_id, c.severity AS severity, c.state AS state,
                       %s AS next_due_at, c.assignee_id IS NULL AS unassigned,
                       (c.acknowledge_breached_at IS NOT NULL OR c.resolve_breached_at IS NOT NULL
                        OR c.follow_up_breached_at IS NOT NULL) AS breached
                FROM complaint c WHERE %s
                ORDER BY next_due_at NULLS LAST, c.id LIMIT :limit""".formatted(NEXT_DUE, MINE_OR_NOBODYS), Tuple.class)
                .setParameter("me", me).setParameter("limit", limit));
    }

    long count(UUID me) {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap("SELECT 1 FROM complaint c WHERE " + MINE_OR_NOBODYS))
                .setParameter("me", me).getSingleResult());
    }
}
