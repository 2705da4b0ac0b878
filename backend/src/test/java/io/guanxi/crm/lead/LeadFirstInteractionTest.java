package io.guanxi.crm.lead;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lead's first interaction (V39, {@link LeadReadModel#LEADS} first_interaction_at) is always the first interaction
 * with its customer at or after the lead was created, as the interaction log says: the analytics read it instead of
 * the log.
 */
@QuarkusTest
class LeadFirstInteractionTest {

    @Inject
    EntityManager em;

    private static void interaction(TestUser rep, String contact, Instant at) {
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "电话跟进", "occurredAt", at.toString()))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
    }

    private Tuple stamps(String lead) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.one(em.createNativeQuery("""
                SELECT l.first_interaction_at AS stamped,
                       (SELECT min(i.occurred_at) FROM interaction i WHERE i.contact_id = l.contact_id AND i.occurred_at >= l.created_at) AS logged
                FROM %s AS l WHERE l.id = :id""".formatted(LeadReadModel.LEADS), Tuple.class).setParameter("id", UUID.fromString(lead))));
    }

    private void assertFirstInteraction(String lead, Instant expected) {
        Tuple row = stamps(lead);
        assertEquals(expected, row.get("stamped") == null ? null : Rows.instant(row, "stamped"), "stamped");
        assertEquals(expected, row.get("logged") == null ? null : Rows.instant(row, "logged"), "from the log");
    }

    @Test
    void followsTheLogAndTheLeadsCreationTime() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant before = now.minus(20, ChronoUnit.DAYS);
        interaction(rep, contact, before);
        String lead = rep.request().body(Map.of("contactId", contact, "sourceChannel", "WEBSITE")).post("/api/v1/leads")
                .then().statusCode(201).extract().path("id");
        assertFirstInteraction(lead, null);
        // The lead came in ten days ago (an import): the interaction 20 days ago is before it, so still none.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE lead SET created_at = :at WHERE id = :id")
                .setParameter("at", now.minus(10, ChronoUnit.DAYS)).setParameter("id", UUID.fromString(lead)).executeUpdate());
        assertFirstInteraction(lead, null);
        Instant later = now.minus(5, ChronoUnit.DAYS);
        interaction(rep, contact, later);
        assertFirstInteraction(lead, later);
        Instant sooner = now.minus(8, ChronoUnit.DAYS);
        interaction(rep, contact, sooner);
        assertFirstInteraction(lead, sooner);
        // An edit of the lead keeps it; a lead created earlier still takes the log's earlier interaction.
        String etag = rep.request().get("/api/v1/leads/" + lead).then().statusCode(200).extract().header("ETag");
        rep.request().header("If-Match", etag).body(Map.of("status", "CONTACTED")).post("/api/v1/leads/" + lead + "/move").then().statusCode(200);
        assertFirstInteraction(lead, sooner);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE lead SET created_at = :at WHERE id = :id")
                .setParameter("at", before.minus(1, ChronoUnit.DAYS)).setParameter("id", UUID.fromString(lead)).executeUpdate());
        assertFirstInteraction(lead, before);
    }
}
