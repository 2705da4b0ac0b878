package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A feature's write on a contact (a sale, a conversion) holds the contact's row lock until it commits. */
@QuarkusTest
class ContactWriteLockTest {

    @Inject
    ContactService contacts;

    @Inject
    DataSource db;

    /** What another session sees when it tries to lock the row without waiting: "locked" or "free". */
    private String tryLockElsewhere(UUID id) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT 1 FROM contact WHERE id = ? FOR UPDATE NOWAIT")) {
                s.setObject(1, id);
                s.executeQuery().close();
                return "free";
            } catch (SQLException e) {
                return "55P03".equals(e.getSQLState()) ? "locked" : "error " + e.getSQLState();
            }
        }).join();
    }

    @Test
    void markPurchasedLocksTheContactRowEvenWhenItChangesNothing() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        // Already a customer: the stage stays, so only the lock itself can hold the row.
        UUID id = UUID.fromString(rep.request().body(aContact().with("lifecycleStage", "PURCHASE").build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id"));
        assertEquals("free", tryLockElsewhere(id));
        String during = QuarkusTransaction.requiringNew().call(() -> {
            contacts.markPurchased(id, rep.id(), "PURCHASE_RECORDED");
            return tryLockElsewhere(id);
        });
        assertEquals("locked", during);
        assertEquals("free", tryLockElsewhere(id));
    }
}
