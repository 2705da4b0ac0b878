package io.guanxi.crm.interaction;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query on the interaction log. Unscoped by contact: the service checks that the caller may
 * see the contact first, so this class stays inside the feature.
 */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    public record Page(List<Interaction> items, long total) {
    }

    Page ofContact(UUID contactId, PageRequest paging) {
        long total = getEntityManager().createQuery("select count(i) from Interaction i where i.contactId = :c", Long.class)
                .setParameter("c", contactId).getSingleResult();
        List<Interaction> items = getEntityManager().createQuery("from Interaction i where i.contactId = :c order by "
                        + paging.orderBySql() + ", i.id desc", Interaction.class)
                .setParameter("c", contactId)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return new Page(items, total);
    }

    Optional<Interaction> ofContact(UUID contactId, UUID id) {
        return findByIdOptional(id).filter(i -> i.contactId.equals(contactId));
    }

    /** Per channel: all, since7, since30 and the latest time (columns channel, total, last7, last30, last_at). */
    List<Tuple> statsByChannel(UUID contactId, Instant since7, Instant since30) {
        return Rows.list(getEntityManager().createNativeQuery("""
                SELECT channel AS channel, count(*) AS total,
                       count(*) FILTER (WHERE occurred_at >= :since7) AS last7,
                       count(*) FILTER (WHERE occurred_at >= :since30) AS last30,
                       max(occurred_at) AS last_at
                FROM interaction WHERE contact_id = :c GROUP BY channel""", Tuple.class)
                .setParameter("c", contactId)
                .setParameter("since7", since7)
                .setParameter("since30", since30));
    }
}
