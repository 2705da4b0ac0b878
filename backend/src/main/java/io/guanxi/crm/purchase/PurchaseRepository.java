package io.guanxi.crm.purchase;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query and write on sales and refunds. Finders by id are unscoped: the service applies the
 * visibility rule that fits the caller (seen with its customer, or made by this integrator).
 */
@ApplicationScoped
public class PurchaseRepository {

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    public record Page(List<Purchase> items, long total) {
    }

    void persist(Purchase purchase) {
        em.persist(purchase);
        em.flush();
    }

    void persist(Refund refund) {
        em.persist(refund);
        em.flush();
    }

    Optional<Purchase> find(UUID id) {
        return Optional.ofNullable(em.find(Purchase.class, id));
    }

    Optional<Purchase> findByExternalOrder(String externalOrderId) {
        return em.createQuery("from Purchase p where p.externalOrderId = :order", Purchase.class)
                .setParameter("order", externalOrderId).getResultStream().findFirst();
    }

    /**
     * Adds a refund to the purchase in one conditional statement, so two refunds at once can never
     * together exceed the amount paid; false (and the purchase reloaded) when it would.
     */
    boolean addRefunded(Purchase purchase, BigDecimal amount) {
        int accepted = em.createNativeQuery("""
                UPDATE purchase SET refunded_amount = refunded_amount + :amount
                WHERE id = :id AND refunded_amount + :amount <= amount""")
                .setParameter("amount", amount).setParameter("id", purchase.id).executeUpdate();
        if (accepted == 0) {
            em.refresh(purchase);
        }
        return accepted == 1;
    }

    /** The purchases of customers the caller may see (of one customer when given), newest first by default. */
    Page listVisible(UUID contactId, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (contactId != null) {
            where.append(" AND p.contact_id = :contact");
            params.put("contact", contactId);
        }
        where.append(" AND ").append(visibility.contactSql("c").into(params));
        String from = " FROM purchase p JOIN " + ContactReadModel.CONTACTS + " c ON c.id = p.contact_id" + where;
        var count = em.createNativeQuery("SELECT count(*)" + from);
        params.forEach(count::setParameter);
        long total = SqlValues.longValue(count.getSingleResult());
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        var select = em.createNativeQuery("SELECT p.*" + from + " ORDER BY " + paging.orderBySql() + ", p.id LIMIT :size OFFSET :offset",
                Purchase.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Purchase> items = select.setParameter("size", paging.size()).setParameter("offset", paging.offset()).getResultList();
        return new Page(items, total);
    }

    List<Refund> refundsOf(List<UUID> purchaseIds) {
        return em.createQuery("from Refund r where r.purchaseId in :ids order by r.createdAt, r.id", Refund.class)
                .setParameter("ids", purchaseIds).getResultList();
    }
}
