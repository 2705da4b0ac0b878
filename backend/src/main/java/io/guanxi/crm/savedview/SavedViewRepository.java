package io.guanxi.crm.savedview;

import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every query and write on {@code saved_view} and {@code saved_view_default}. A view is visible to its
 * owner and, when shared, to everyone whose role opens its list; anything else is not found.
 */
@ApplicationScoped
public class SavedViewRepository implements PanacheRepositoryBase<SavedView, UUID> {

    static final java.util.Map<String, String> SORTABLE = java.util.Map.of("name", "lower(v.name)", "createdAt", "v.createdAt",
            "updatedAt", "v.updatedAt");

    private static final String VISIBLE = "(v.ownerId = :me or v.shared = true) and v.viewList in :lists";

    Optional<SavedView> findVisible(UUID id, UUID me, Collection<SavedViewList> lists) {
        return find("from SavedView v where v.id = :id and " + VISIBLE,
                io.quarkus.panache.common.Parameters.with("id", id).and("me", me).and("lists", lists)).firstResultOptional();
    }

    List<SavedView> visible(UUID me, Collection<SavedViewList> lists, PageRequest paging) {
        return getEntityManager().createQuery("from SavedView v where " + VISIBLE + " order by " + paging.orderBySql() + ", v.id",
                        SavedView.class)
                .setParameter("me", me).setParameter("lists", lists)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
    }

    long countVisible(UUID me, Collection<SavedViewList> lists) {
        return getEntityManager().createQuery("select count(v) from SavedView v where " + VISIBLE, Long.class)
                .setParameter("me", me).setParameter("lists", lists).getSingleResult();
    }

    long countOwned(UUID owner, SavedViewList list) {
        return count("ownerId = ?1 and viewList = ?2", owner, list);
    }

    boolean nameTaken(UUID owner, SavedViewList list, String name, UUID exceptId) {
        return count("ownerId = ?1 and viewList = ?2 and lower(name) = lower(?3) and id <> ?4", owner, list, name,
                exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /** The ids of the caller's default views among these lists. */
    Set<UUID> defaultsOf(UUID user) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("SELECT view_id FROM saved_view_default WHERE user_id = :user",
                UUID.class).setParameter("user", user).getResultList();
        return Set.copyOf(ids);
    }

    void setDefault(UUID user, SavedViewList list, UUID viewId) {
        getEntityManager().createNativeQuery("""
                INSERT INTO saved_view_default (user_id, list, view_id) VALUES (:user, :list, :view)
                ON CONFLICT (user_id, list) DO UPDATE SET view_id = EXCLUDED.view_id""")
                .setParameter("user", user).setParameter("list", list.name()).setParameter("view", viewId).executeUpdate();
    }

    void clearDefault(UUID user, UUID viewId) {
        getEntityManager().createNativeQuery("DELETE FROM saved_view_default WHERE user_id = :user AND view_id = :view")
                .setParameter("user", user).setParameter("view", viewId).executeUpdate();
    }

    /** A view no longer shared is nobody else's default. */
    long dropOthersDefaults(UUID viewId, UUID owner) {
        return SqlValues.longValue(getEntityManager().createNativeQuery("""
                WITH dropped AS (DELETE FROM saved_view_default WHERE view_id = :view AND user_id <> :owner RETURNING 1)
                SELECT count(*) FROM dropped""").setParameter("view", viewId).setParameter("owner", owner).getSingleResult());
    }
}
