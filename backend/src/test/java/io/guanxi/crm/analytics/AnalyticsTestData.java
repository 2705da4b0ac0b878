package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds leads, interactions and purchases through the API and puts them in the past, for the funnel and rep figures. */
final class AnalyticsTestData {

    private AnalyticsTestData() {
    }

    static String contact(TestUser rep, String name) {
        return rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** A lead of the rep on a new customer of that name. */
    static String lead(TestUser rep, String name, String source, String region) {
        Map<String, Object> body = new HashMap<>(Map.of("contactId", contact(rep, name), "sourceChannel", source));
        if (region != null) {
            body.put("region", region);
        }
        return rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    static String contactOf(TestUser rep, String lead) {
        return rep.request().get("/api/v1/leads/" + lead).then().statusCode(200).extract().path("contactId");
    }

    static void move(TestUser rep, String lead, String status, String lostReason) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status));
        if (lostReason != null) {
            body.put("lostReason", lostReason);
        }
        String etag = rep.request().get("/api/v1/leads/" + lead).then().statusCode(200).extract().header("ETag");
        rep.request().header("If-Match", etag).body(body).post("/api/v1/leads/" + lead + "/move").then().statusCode(200);
    }

    static void convert(TestUser rep, String lead) {
        move(rep, lead, "QUALIFIED", null);
        rep.request().post("/api/v1/leads/" + lead + "/convert").then().statusCode(200);
    }

    static void interaction(TestUser rep, String contact, Instant at) {
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "电话跟进", "occurredAt", at.toString()))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
    }

    static void purchase(TestUser rep, String contact, Instant at) {
        rep.request().body(Map.of("contactId", contact, "amount", 500, "channel", "STORE", "occurredAt", at.toString()))
                .post("/api/v1/purchases").then().statusCode(201);
    }

    /**
     * Moves a lead into the past (the API stamps now): created at {@code created}; each step it has reached
     * stamped {@code reachedAfter} later (CONTACTED at that time, a later step two or three days on).
     */
    static void backdate(EntityManager em, String lead, Instant created, Duration reachedAfter) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE lead SET created_at = :created,
                       contacted_at = CASE WHEN contacted_at IS NOT NULL THEN CAST(:reached AS timestamptz) END,
                       qualified_at = CASE WHEN qualified_at IS NOT NULL THEN CAST(:created AS timestamptz) + interval '2 days' END,
                       converted_at = CASE WHEN converted_at IS NOT NULL THEN CAST(:created AS timestamptz) + interval '3 days' END,
                       lost_at = CASE WHEN lost_at IS NOT NULL THEN CAST(:created AS timestamptz) + interval '3 days' END
                WHERE id = :id""").setParameter("created", created)
                .setParameter("reached", created.plus(reachedAfter))
                .setParameter("id", UUID.fromString(lead)).executeUpdate());
    }

    /** The milestones the service stamped: contacted_at, qualified_at, converted_at, lost_at, each set or not. */
    static List<Boolean> milestones(EntityManager em, String lead) {
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT contacted_at IS NOT NULL, qualified_at IS NOT NULL, converted_at IS NOT NULL, lost_at IS NOT NULL
                FROM lead WHERE id = :id""").setParameter("id", UUID.fromString(lead)).getSingleResult());
        return List.of((Boolean) row[0], (Boolean) row[1], (Boolean) row[2], (Boolean) row[3]);
    }

    static RequestSpecification period(TestUser user, String from, String to) {
        return user.request().queryParam("period", "CUSTOM").queryParam("from", from).queryParam("to", to);
    }

    static JsonPath json(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Asserts a number of the report (a card's value, a cell) equals the expected decimal, whatever its scale. */
    static void assertNumber(String expected, Object actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return;
        }
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), what + " = " + actual);
    }

    static void assertCard(JsonPath report, String code, String value, String previous) {
        assertNumber(value, report.get("cards.find { it.code == '" + code + "' }.value"), code);
        assertNumber(previous, report.get("cards.find { it.code == '" + code + "' }.previous"), code + " (previous)");
    }

    /** The values of a table's row, one per column. */
    static List<Object> row(JsonPath report, String table, String key) {
        return report.getList("tables.find { it.code == '" + table + "' }.rows.find { it.key == '" + key + "' }.values");
    }

    static void assertRow(JsonPath report, String table, String key, String... values) {
        List<Object> actual = row(report, table, key);
        assertEquals(values.length, actual.size(), table + "/" + key + " " + actual);
        for (int i = 0; i < values.length; i++) {
            assertNumber(values[i], actual.get(i), table + "/" + key + "[" + i + "]");
        }
    }
}
