package io.guanxi.crm.user;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every query on users and their roles. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public record Page(List<User> items, long total) {
    }

    public Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }

    /** A page of users, optionally of one role and of one active state. */
    Page list(Role role, Boolean active, PageRequest paging) {
        StringBuilder where = new StringBuilder(" where 1=1");
        Parameters params = new Parameters();
        if (role != null) {
            where.append(" and :role member of u.roles");
            params.and("role", role);
        }
        if (active != null) {
            where.append(" and u.active = :active");
            params.and("active", active);
        }
        long total = count("from User u" + where, params);
        List<User> items = find("select u from User u" + where + " order by " + paging.orderBySql() + ", u.id", params)
                .page(paging.page(), paging.size()).list();
        return new Page(items, total);
    }

    Map<UUID, String> displayNames(Collection<UUID> ids) {
        return getEntityManager()
                .createQuery("select u.id as id, u.displayName as name from User u where u.id in :ids", Tuple.class)
                .setParameter("ids", Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(r -> Rows.uuid(r, "id"), r -> Rows.string(r, "name")));
    }

    /** Lower-cased username → id, of the active users with these usernames. */
    Map<String, UUID> activeIdsByUsername(Collection<String> usernames) {
        return getEntityManager()
                .createQuery("select lower(u.username) as name, u.id as id from User u where u.active = true"
                        + " and lower(u.username) in :names", Tuple.class)
                .setParameter("names", usernames.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet()))
                .getResultStream().collect(Collectors.toMap(r -> Rows.string(r, "name"), r -> Rows.uuid(r, "id")));
    }

    List<UUID> activeWithRole(Role role) {
        return getEntityManager().createQuery("select u.id from User u where u.active = true and :role member of u.roles"
                + " order by u.id", UUID.class).setParameter("role", role).getResultList();
    }

    List<UUID> activeSalesReps(Seniority seniority) {
        var query = getEntityManager().createQuery("select u.id from User u where u.active = true"
                + " and :rep member of u.roles" + (seniority == null ? "" : " and u.seniority = :seniority")
                + " order by u.id", UUID.class).setParameter("rep", Role.SALES_REP);
        if (seniority != null) {
            query.setParameter("seniority", seniority);
        }
        return query.getResultList();
    }

    long activeAdmins() {
        return getEntityManager()
                .createQuery("select count(u) from User u where u.active = true and :role member of u.roles", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
    }
}
