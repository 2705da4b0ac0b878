package io.guanxi.crm.contact;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.guanxi.crm.platform.paging.BoundedPageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contact list counts its total only up to {@link BoundedPageResponse#COUNT_BOUND} (issue 21 target 3): more
 * matches than that answer the bound with {@code totalExact: false}; fewer, the exact count; a page beyond the bound
 * counts to its own end. Visibility is unchanged: a rep's total counts only their own book.
 */
@QuarkusTest
class ContactListTotalTest {

    private static final int BOUND = BoundedPageResponse.COUNT_BOUND;

    @Inject
    EntityManager em;

    @Test
    void theTotalIsExactUpToTheBoundAndALowerBoundBeyondIt() {
        TestUser bigBook = Api.newUser(Role.SALES_REP);
        TestUser smallBook = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        // A name part no other test uses, so the manager's search sees these contacts only.
        String tag = "界限" + UUID.randomUUID().toString().chars().filter(ch -> ch != '-').limit(8)
                .mapToObj(ch -> String.valueOf((char) ('a' + Character.digit(ch, 16)))).collect(Collectors.joining());
        insert(bigBook.id(), tag, BOUND + 5);
        insert(smallBook.id(), tag, 3);
        try {
            // More than the bound: the bound, flagged as a lower bound, and a full page.
            bigBook.request().get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(BOUND)).body("totalExact", equalTo(false)).body("items", hasSize(20));
            bigBook.request().queryParam("q", tag).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(BOUND)).body("totalExact", equalTo(false));
            manager.request().queryParam("q", tag).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(BOUND)).body("totalExact", equalTo(false));
            // The last page within the bound still stops counting there.
            bigBook.request().queryParam("page", BOUND / 20 - 1).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(BOUND)).body("totalExact", equalTo(false)).body("items", hasSize(20));
            // A page past the bound counts to its own end, here past the last contact: exact again.
            bigBook.request().queryParam("page", BOUND / 20).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(BOUND + 5)).body("totalExact", equalTo(true)).body("items", hasSize(5));
            // Fewer than the bound: exact. A rep's total counts only their own book, whoever else matches.
            smallBook.request().get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(3)).body("totalExact", equalTo(true)).body("items", hasSize(3));
            smallBook.request().queryParam("q", tag).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(3)).body("totalExact", equalTo(true));
            manager.request().queryParam("q", tag).queryParam("ownerId", smallBook.id()).get("/api/v1/contacts").then()
                    .statusCode(200).body("total", equalTo(3)).body("totalExact", equalTo(true));
            // Another rep's contacts do not exist for the small book, however many there are.
            smallBook.request().queryParam("ownerId", bigBook.id()).get("/api/v1/contacts").then().statusCode(200)
                    .body("total", equalTo(0)).body("totalExact", equalTo(true)).body("items", hasSize(0));
            // The global search learns "more" from one row more than it lists, not from a count.
            smallBook.request().queryParam("q", tag).queryParam("limit", 2).get("/api/v1/search").then().statusCode(200)
                    .body("contacts.items", hasSize(2)).body("contacts.more", equalTo(true));
            smallBook.request().queryParam("q", tag).queryParam("limit", 3).get("/api/v1/search").then().statusCode(200)
                    .body("contacts.items", hasSize(3)).body("contacts.more", equalTo(false));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM contact WHERE owner_id IN (:a, :b)")
                    .setParameter("a", bigBook.id()).setParameter("b", smallBook.id()).executeUpdate());
        }
    }

    /** Contacts in bulk (a thousand through the API would take minutes), a year old so they sort after other tests'. */
    private void insert(UUID owner, String namePart, int count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at)
                SELECT gen_random_uuid(), :name || n, :owner, 'AWARENESS', now() - interval '1 year', now()
                FROM generate_series(1, :count) n""")
                .setParameter("name", namePart).setParameter("owner", owner).setParameter("count", count).executeUpdate());
    }
}
