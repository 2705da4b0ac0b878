package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.visibility.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The queries and writes on {@code redemption}, and the balances after their ledger entries. */
@ApplicationScoped
public class RedemptionRepository implements PanacheRepositoryBase<Redemption, UUID> {

    /** Marks a completed redemption cancelled; false when it was cancelled already. */
    boolean markCancelled(UUID id, UUID by, String reason, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE redemption SET state = 'CANCELLED', cancelled_by = :me, cancelled_at = :now, cancel_reason = :reason
                WHERE id = :id AND state = 'COMPLETED'""")
                .setParameter("me", by).setParameter("now", now).setParameter("reason", reason).setParameter("id", id).executeUpdate() > 0;
    }

    void setCancelEntry(UUID id, long entryId) {
        getEntityManager().createNativeQuery("UPDATE redemption SET cancel_entry_id = :e WHERE id = :id").setParameter("e", entryId)
                .setParameter("id", id).executeUpdate();
    }

    void refresh(Redemption redemption) {
        getEntityManager().refresh(redemption);
    }

    /** Those {@code visible} (JPQL over {@code r}), of one contact or all. */
    long count(Visibility.Predicate visible, UUID contactId) {
        var count = visible.bind(getEntityManager().createQuery("select count(r) from Redemption r" + where(visible, contactId), Long.class));
        if (contactId != null) {
            count.setParameter("c", contactId);
        }
        return count.getSingleResult();
    }

    List<Redemption> page(Visibility.Predicate visible, UUID contactId, int offset, int size) {
        var select = visible.bind(getEntityManager().createQuery("from Redemption r" + where(visible, contactId)
                + " order by r.createdAt desc, r.id", Redemption.class));
        if (contactId != null) {
            select.setParameter("c", contactId);
        }
        return select.setFirstResult(offset).setMaxResults(size).getResultList();
    }

    private static String where(Visibility.Predicate visible, UUID contactId) {
        return " where " + visible.text() + (contactId == null ? "" : " and r.contactId = :c");
    }

    /** The balance after each of these ledger entries. */
    Map<Long, Long> balancesAfter(Collection<Long> entryIds) {
        return Rows.list(getEntityManager().createNativeQuery(
                        "SELECT id AS id, balance_after AS balance_after FROM points_entry WHERE id = ANY(CAST(:ids AS bigint[]))", Tuple.class)
                .setParameter("ids", entryIds.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"))))
                .stream().collect(Collectors.toMap(row -> Rows.longValue(row, "id"), row -> Rows.longValue(row, "balance_after")));
    }

    long balanceAfter(long entryId) {
        return SqlValues.longValue(getEntityManager().createNativeQuery("SELECT balance_after FROM points_entry WHERE id = :id")
                .setParameter("id", entryId).getSingleResult());
    }
}
