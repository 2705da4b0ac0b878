package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rewards catalog's queries, and the stock moves of redemptions. A stock move is a conditional, versioned update:
 * it bumps the reward's {@code @Version} like an edit does, so an edit based on a version read before a redemption is
 * stale (412) and never writes an old stock back.
 */
@ApplicationScoped
public class RewardRepository implements PanacheRepositoryBase<Reward, UUID> {

    public static final Map<String, String> SORTABLE = Map.of("pointsCost", "pointsCost", "name", "name", "createdAt", "createdAt");

    private static String where(Boolean availableOnly, boolean includeArchived) {
        StringBuilder where = new StringBuilder(" where 1=1");
        if (!includeArchived || Boolean.TRUE.equals(availableOnly)) {
            where.append(" and r.archived = false");
        }
        if (Boolean.TRUE.equals(availableOnly)) {
            where.append(" and (r.stock is null or r.stock > 0) and (r.activeFrom is null or r.activeFrom <= :now)")
                    .append(" and (r.activeUntil is null or r.activeUntil > :now)");
        }
        return where.toString();
    }

    long count(Boolean availableOnly, boolean includeArchived, Instant now) {
        var count = getEntityManager().createQuery("select count(r) from Reward r" + where(availableOnly, includeArchived), Long.class);
        if (Boolean.TRUE.equals(availableOnly)) {
            count.setParameter("now", now);
        }
        return count.getSingleResult();
    }

    List<Reward> page(Boolean availableOnly, boolean includeArchived, Instant now, PageRequest paging) {
        var select = getEntityManager().createQuery("from Reward r" + where(availableOnly, includeArchived) + " order by r."
                + paging.orderBySql().replace(" NULLS LAST", "") + ", r.id", Reward.class);
        if (Boolean.TRUE.equals(availableOnly)) {
            select.setParameter("now", now);
        }
        return select.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
    }

    /** Takes {@code quantity} from a limited stock if it holds that many; false when it does not. */
    boolean takeStock(UUID rewardId, int quantity, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE reward SET stock = stock - :q, version = version + 1, updated_at = :now
                WHERE id = :id AND stock IS NOT NULL AND stock >= :q""")
                .setParameter("q", quantity).setParameter("id", rewardId).setParameter("now", now).executeUpdate() > 0;
    }

    /** Gives {@code quantity} back to a limited stock (a cancelled redemption); an unlimited one stays unlimited. */
    void giveBackStock(UUID rewardId, int quantity, Instant now) {
        getEntityManager().createNativeQuery("""
                UPDATE reward SET stock = stock + :q, version = version + 1, updated_at = :now WHERE id = :id AND stock IS NOT NULL""")
                .setParameter("q", quantity).setParameter("now", now).setParameter("id", rewardId).executeUpdate();
    }

    long stockLeft(UUID rewardId) {
        return SqlValues.longValue(getEntityManager().createNativeQuery("SELECT stock FROM reward WHERE id = :id").setParameter("id", rewardId)
                .getSingleResult());
    }

    Map<UUID, String> names(Collection<UUID> ids) {
        return find("id in ?1", ids).stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
    }
}
