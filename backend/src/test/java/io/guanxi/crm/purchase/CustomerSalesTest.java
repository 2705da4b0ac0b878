package io.guanxi.crm.purchase;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each customer's sales to date ({@link PurchaseReadModel#CUSTOMER_SALES}, V38) follow every sale and refund in the
 * transaction that records it, and always equal what their purchases add up to.
 */
@QuarkusTest
class CustomerSalesTest {

    @Inject
    EntityManager em;

    private TestUser rep;

    @BeforeEach
    void aRep() {
        rep = Api.newUser(Role.SALES_REP);
    }

    private String customer() {
        return rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private String sale(String contact, int amount, String at) {
        return rep.request().body(Map.of("contactId", contact, "amount", amount, "channel", "STORE", "occurredAt", at))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
    }

    private void refund(String purchase, int amount) {
        rep.request().body(Map.of("amount", amount, "reason", "退货")).post("/api/v1/purchases/" + purchase + "/refunds")
                .then().statusCode(201);
    }

    private Tuple rollup(String contact) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.one(em.createNativeQuery("SELECT s.first_purchase_at AS first_purchase_at,"
                + " s.last_purchase_at AS last_purchase_at, s.first_sale_at AS first_sale_at, s.sales AS sales,"
                + " s.kept_revenue AS kept_revenue FROM " + PurchaseReadModel.CUSTOMER_SALES + " AS s WHERE s.contact_id = :c", Tuple.class)
                .setParameter("c", UUID.fromString(contact))));
    }

    /** The same figures summed from the purchases themselves. */
    private Tuple recomputed(String contact) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.one(em.createNativeQuery("""
                SELECT min(p.occurred_at) AS first_purchase_at, max(p.occurred_at) AS last_purchase_at,
                       min(p.occurred_at) FILTER (WHERE p.kept_amount > 0) AS first_sale_at,
                       count(*) FILTER (WHERE p.kept_amount > 0) AS sales, sum(p.kept_amount) AS kept_revenue
                FROM %s AS p WHERE p.contact_id = :c""".formatted(PurchaseReadModel.PURCHASES), Tuple.class)
                .setParameter("c", UUID.fromString(contact))));
    }

    private void assertRollup(String contact, String first, String last, String firstSale, long sales, String kept) {
        Tuple row = rollup(contact);
        Tuple raw = recomputed(contact);
        for (Tuple t : List.of(row, raw)) {
            assertEquals(Instant.parse(first), Rows.instant(t, "first_purchase_at"), "first purchase");
            assertEquals(Instant.parse(last), Rows.instant(t, "last_purchase_at"), "last purchase");
            assertEquals(firstSale == null ? null : Instant.parse(firstSale), t.get("first_sale_at") == null ? null
                    : Rows.instant(t, "first_sale_at"), "first sale");
            assertEquals(sales, Rows.longValue(t, "sales"), "sales");
            assertEquals(0, new BigDecimal(kept).compareTo(Rows.decimal(t, "kept_revenue")), "kept revenue " + Rows.decimal(t, "kept_revenue"));
        }
    }

    @Test
    void followsSalesAndRefundsInTheirOwnTransaction() {
        String contact = customer();
        sale(contact, 300, "2025-03-01T02:00:00Z");
        assertRollup(contact, "2025-03-01T02:00:00Z", "2025-03-01T02:00:00Z", "2025-03-01T02:00:00Z", 1, "300");
        String second = sale(contact, 500, "2025-05-01T02:00:00Z");
        String earliest = sale(contact, 200, "2025-01-01T02:00:00Z");
        assertRollup(contact, "2025-01-01T02:00:00Z", "2025-05-01T02:00:00Z", "2025-01-01T02:00:00Z", 3, "1000");
        // A partial refund lowers the revenue; the sale still counts.
        refund(second, 100);
        assertRollup(contact, "2025-01-01T02:00:00Z", "2025-05-01T02:00:00Z", "2025-01-01T02:00:00Z", 3, "900");
        // Refunded in full, the earliest sale no longer counts: the first sale moves to the next one kept.
        refund(earliest, 200);
        assertRollup(contact, "2025-01-01T02:00:00Z", "2025-05-01T02:00:00Z", "2025-03-01T02:00:00Z", 2, "700");
    }

    @Test
    void aCustomerWhoseOnlySaleWasRefundedInFullHasPurchasedButNotBought() {
        String contact = customer();
        refund(sale(contact, 700, "2025-06-01T02:00:00Z"), 700);
        assertRollup(contact, "2025-06-01T02:00:00Z", "2025-06-01T02:00:00Z", null, 0, "0");
    }

    @Test
    void salesRecordedAtOnceForOneCustomerAreAllCounted() throws Exception {
        String contact = customer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sales = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String at = "2025-07-0" + (i + 1) + "T02:00:00Z";
                sales.add(pool.submit(() -> sale(contact, 100, at)));
            }
            for (Future<String> f : sales) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertRollup(contact, "2025-07-01T02:00:00Z", "2025-07-08T02:00:00Z", "2025-07-01T02:00:00Z", 8, "800");
    }
}
