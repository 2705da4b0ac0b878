package io.guanxi.crm.contact;

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

/** An owner's customers (who bought: PURCHASE or LOYALTY) not contacted since a time, longest quiet first. */
@ApplicationScoped
public class QuietCustomerRepository {

    private static final String QUIET = """
            c.owner_id = :owner AND c.archived_at IS NULL AND c.lifecycle_stage IN ('PURCHASE', 'LOYALTY')
            AND coalesce(c.last_contacted_at, c.created_at) < :since""";

    @Inject
    EntityManager em;

    List<Tuple> quiet(UUID owner, Instant since, int limit) {
        return Rows.list(em.createNativeQuery("""
                SELECT c.id AS id, c.name AS name, c.last_contacted_at AS last_contacted_at FROM contact c WHERE %s
                ORDER BY coalesce(c.last_contacted_at, c.created_at), c.id LIMIT :limit""".formatted(QUIET), Tuple.class)
                .setParameter("owner", owner).setParameter("since", since).setParameter("limit", limit));
    }

    long count(UUID owner, Instant since) {
        return SqlValues.longValue(em.createNativeQuery(Slice.countUpToCap("SELECT 1 FROM contact c WHERE " + QUIET))
                .setParameter("owner", owner).setParameter("since", since).getSingleResult());
    }
}
