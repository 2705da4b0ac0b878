package io.guanxi.crm.interaction;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A phone sends its offline outbox with the Idempotency-Key made when the rep submitted: logged once. */
@QuarkusTest
class InteractionIdempotencyTest {

    private TestUser rep;
    private String interactions;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        String contactId = rep.request().body(aContact().build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        interactions = "/api/v1/contacts/" + contactId + "/interactions";
    }

    private static Map<String, Object> call(String summary) {
        return Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", summary,
                "occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Test
    void theSameKeyTwiceLogsOneInteractionAndAnswersTheSame() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = call("离线时记录的电话回访");
        Response first = rep.request().header("Idempotency-Key", key).body(body).post(interactions);
        first.then().statusCode(201);
        Response retry = rep.request().header("Idempotency-Key", key).body(body).post(interactions);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));
        rep.request().get(interactions).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndLogsNothing() {
        String key = UUID.randomUUID().toString();
        rep.request().header("Idempotency-Key", key).body(call("第一次")).post(interactions).then().statusCode(201);
        rep.request().header("Idempotency-Key", key).body(call("另一次")).post(interactions).then().statusCode(422)
                .body("type", equalTo("urn:guanxi:problem:idempotency-key-reused"));
        rep.request().header("Idempotency-Key", "k".repeat(101)).body(call("太长的键")).post(interactions).then()
                .statusCode(400);
        rep.request().get(interactions).then().body("total", equalTo(1));
    }

    @Test
    void withoutAKeyEveryPostLogs() {
        rep.request().body(call("一")).post(interactions).then().statusCode(201);
        rep.request().body(call("一")).post(interactions).then().statusCode(201);
        rep.request().get(interactions).then().body("total", equalTo(2));
    }
}
