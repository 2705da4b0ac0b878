package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.survey.Nps;
import io.guanxi.crm.survey.SurveyReadModel;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The NPS answers per owner × month rollup (V57, {@link SurveyReadModel#NPS_BY_OWNER_MONTH}) after a random mix of
 * answers through the customers' links (NPS and CSAT), backdated answers written in one statement, answers re-scored,
 * re-dated and removed, handovers one by one and in bulk, merges moving the answers and their undo, and concurrent
 * answers of one owner: its rows equal the same counts from the raw answers under the customers' owners now, and the
 * NPS figures (read from the rollup for whole months, from the answers otherwise; as a manager and as the rep) equal one
 * hand-written statement over the raw answers and the rows of their drills.
 */
@QuarkusTest
class NpsRollupConsistencyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL);
    private static final String PUBLIC = "/api/v1/public/survey-invitations/";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    EntityManager em;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Set<String> invited = new HashSet<>();
    private final List<String> answers = new ArrayList<>();
    private TestUser manager;

    @Test
    void theRollupEqualsTheRawAnswersAfterRandomWrites() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 10; i++) {
            TestUser rep = reps.get(i % 2);
            String name = "推荐汇总" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            String id = rep.request().queryParam("confirmDuplicate", true).body(aContact().name(name).with("marketingConsent", true).build())
                    .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            names.put(id, name);
            owners.put(id, rep.id().toString());
        }
        List<String> customers = new ArrayList<>(names.keySet());
        List<String[]> merges = new ArrayList<>();
        for (int op = 0; op < 45; op++) {
            int kind = random.nextInt(14);
            String customer = customers.get(random.nextInt(customers.size()));
            if (kind < 3) {
                answerThroughTheLink(customer, random.nextInt(4) == 0 ? "CSAT" : "NPS", random);
            } else if (kind < 6) {
                backdated(customers, random);
            } else if (kind < 8 && !answers.isEmpty()) {
                rewrite(answers.get(random.nextInt(answers.size())), random);
            } else if (kind < 9 && !answers.isEmpty()) {
                String answer = answers.remove(random.nextInt(answers.size()));
                sql("DELETE FROM survey_answer WHERE invitation_id = CAST(:id AS uuid)", Map.of("id", answer));
            } else if (kind < 11) {
                handOver(manager, customer, first, second);
            } else if (kind < 12) {
                List<String> some = customers.stream().filter(c -> random.nextBoolean()).toList();
                TestUser to = random.nextBoolean() ? first : second;
                if (!some.isEmpty()) {
                    manager.request().body(Map.of("action", "ASSIGN_OWNER", "ownerId", to.id().toString(), "note", "一致性测试",
                            "selection", Map.of("ids", some.stream().map(c -> Map.of("id", c)).toList()))).post("/api/v1/contacts/bulk")
                            .then().statusCode(200);
                    some.forEach(c -> owners.put(c, to.id().toString()));
                }
            } else if (kind < 13 && customers.size() > 4) {
                // the merged customer's answers move to the survivor (whose owner may be the other rep)
                String other = customers.get(random.nextInt(customers.size()));
                if (!other.equals(customer)) {
                    String merge = manager.request().body(Map.of("survivor", Map.of("id", customer, "etag", etag(manager, customer)),
                            "others", List.of(Map.of("id", other, "etag", etag(manager, other))), "choices", Map.of()))
                            .post("/api/v1/contacts/merge").then().statusCode(201).extract().path("id");
                    customers.remove(other);
                    merges.add(new String[] {merge, other});
                }
            } else if (!merges.isEmpty()) {
                String[] merge = merges.remove(merges.size() - 1);
                manager.request().post("/api/v1/merges/" + merge[0] + "/undo").then().statusCode(200);
                customers.add(merge[1]);
            }
        }
        concurrentAnswers(customers);

        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || r.promoters || ' ' || r.passives || ' ' || r.detractors AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) AND (r.promoters, r.passives, r.detractors) <> (0, 0, 0) ORDER BY 1"""
                .formatted(SurveyReadModel.NPS_BY_OWNER_MONTH), ids);
        List<String> raw = rows("""
                SELECT k.owner_id || ' ' || CAST(date_trunc('month', a.answered_at AT TIME ZONE 'Asia/Shanghai') AS date) || ' '
                       || count(*) FILTER (WHERE a.score >= %3$d) || ' ' || count(*) FILTER (WHERE a.score > %4$d AND a.score < %3$d)
                       || ' ' || count(*) FILTER (WHERE a.score <= %4$d) AS row
                FROM %1$s AS a JOIN %2$s AS k ON k.id = a.contact_id WHERE k.owner_id IN (:owners)
                GROUP BY k.owner_id, CAST(date_trunc('month', a.answered_at AT TIME ZONE 'Asia/Shanghai') AS date)
                ORDER BY 1""".formatted(SurveyReadModel.NPS_ANSWERS, ContactReadModel.CONTACTS, Nps.PROMOTER_MIN, Nps.DETRACTOR_MAX), ids);
        assertEquals(raw, rollup, "rollup rows, " + why);
        assertFalse(rollup.isEmpty(), why);

        String[] codes = {"retention.promoters", "retention.passives", "retention.detractors"};
        for (TestUser rep : reps) {
            for (String period : List.of("period=THIS_YEAR", "period=THIS_MONTH", "period=CUSTOM&from=2024-01-01&to=2024-12-31",
                    "period=CUSTOM&from=2024-03-01&to=2024-05-31", "period=CUSTOM&from=2024-03-05&to=2024-05-20")) {
                String at = why + ", " + period + ", " + rep.id();
                JsonPath asManager = report(manager, period + "&ownerId=" + rep.id());
                JsonPath asRep = report(rep, period);
                long[] now = expected(rep.id(), LocalDate.parse(asManager.getString("from")), LocalDate.parse(asManager.getString("to")));
                long[] before = expected(rep.id(), LocalDate.parse(asManager.getString("previousFrom")),
                        LocalDate.parse(asManager.getString("previousTo")));
                for (JsonPath report : List.of(asManager, asRep)) {
                    for (int i = 0; i < 3; i++) {
                        assertEquals(0, BigDecimal.valueOf(now[i]).compareTo(card(report, codes[i], "value")), codes[i] + ", " + at);
                        assertEquals(0, BigDecimal.valueOf(before[i]).compareTo(card(report, codes[i], "previous")), codes[i] + " (previous), " + at);
                    }
                    assertEquals(0, BigDecimal.valueOf(now[0] + now[1] + now[2]).compareTo(card(report, "retention.answers", "value")), at);
                    assertSame(Nps.score(now[0], now[1], now[2]), decimal(report, "retention.nps", "value"), "nps, " + at);
                    assertSame(Nps.score(before[0], before[1], before[2]), decimal(report, "retention.nps", "previous"), "nps (previous), " + at);
                }
                String scoped = period + "&ownerId=" + rep.id();
                for (int i = 0; i < 3; i++) {
                    assertEquals(now[i], drillTotal(manager, codes[i], null, scoped), codes[i] + " drill, " + at);
                }
                assertEquals(now[0] + now[1] + now[2], drillTotal(manager, "retention.answers", null, scoped), "answers drill, " + at);
                List<Map<String, Object>> months = asManager.getList("tables.find { it.code == 'retention.npsByMonth' }.rows");
                for (Map<String, Object> month : months) {
                    String key = (String) month.get("key");
                    List<?> values = (List<?>) month.get("values");
                    for (int i = 0; i < 3; i++) {
                        assertEquals(drillTotal(manager, codes[i], key, scoped), new BigDecimal(String.valueOf(values.get(i))).longValueExact(),
                                "npsByMonth " + codes[i] + " " + key + ", " + at);
                    }
                }
                assertEquals(asManager.getList("tables.find { it.code == 'retention.npsByMonth' }.rows"),
                        asRep.getList("tables.find { it.code == 'retention.npsByMonth' }.rows"), "npsByMonth manager = rep, " + at);
            }
        }
    }

    /** An invitation through the API and its answer now through the customer's link, once per customer (the policy's gate). */
    private void answerThroughTheLink(String customer, String template, Random random) {
        if (!invited.add(customer)) {
            return;
        }
        String link = manager.request().body(Map.of("template", template)).post("/api/v1/contacts/" + customer + "/survey-invitations")
                .then().statusCode(201).extract().path("link");
        int score = template.equals("NPS") ? random.nextInt(11) : 1 + random.nextInt(5);
        customerRequest().contentType(ContentType.JSON).body(Map.of("score", score)).post(PUBLIC + link.substring(link.lastIndexOf("/s/") + 3))
                .then().statusCode(204);
        answers.add(QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT CAST(a.invitation_id AS text) FROM survey_answer a WHERE a.contact_id = :c ORDER BY a.answered_at DESC LIMIT 1")
                .setParameter("c", UUID.fromString(customer)).getSingleResult())));
    }

    /**
     * One statement of backdated answers (2024, on and around Shanghai month boundaries) for several customers, NPS or
     * CSAT, after one statement of their invitations.
     */
    private void backdated(List<String> customers, Random random) {
        List<UUID> some = customers.stream().filter(c -> random.nextBoolean()).map(UUID::fromString).toList();
        if (some.isEmpty()) {
            return;
        }
        String template = random.nextInt(5) == 0 ? "CSAT" : "NPS";
        Instant at = boundaryOrMiddle(random);
        List<String> made = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> invitations = em.createNativeQuery("""
                    INSERT INTO survey_invitation (id, token, contact_id, template, trigger, policy_version, created_at, expires_at)
                    SELECT gen_random_uuid(), 'nps-rollup-' || gen_random_uuid(), c, :template, 'MANUAL', 1,
                           CAST(:at AS timestamptz) - interval '1 hour', CAST(:at AS timestamptz) + interval '1 day'
                    FROM unnest(CAST(:ids AS uuid[])) AS c RETURNING CAST(id AS text)""")
                    .setParameter("ids", some.toArray(new UUID[0])).setParameter("template", template).setParameter("at", at).getResultList();
            em.createNativeQuery("""
                    INSERT INTO survey_answer (invitation_id, contact_id, template, score, answered_at)
                    SELECT i.id, i.contact_id, i.template, CASE WHEN i.template = 'NPS' THEN abs(hashtext(CAST(i.id AS text))) % 11
                                                                 ELSE 1 + abs(hashtext(CAST(i.id AS text))) % 5 END, :at
                    FROM survey_invitation i WHERE i.id = ANY (CAST(:ids AS uuid[]))""")
                    .setParameter("ids", invitations.stream().map(i -> UUID.fromString(i.toString())).toArray(UUID[]::new))
                    .setParameter("at", at).executeUpdate();
            return invitations.stream().map(Object::toString).toList();
        });
        answers.addAll(made);
    }

    /** An answer re-scored (within its template's scale), or moved to another time, by SQL. */
    private void rewrite(String answer, Random random) {
        if (random.nextBoolean()) {
            sql("UPDATE survey_answer SET score = CASE WHEN template = 'NPS' THEN :nps ELSE :csat END WHERE invitation_id = CAST(:id AS uuid)",
                    Map.of("id", answer, "nps", random.nextInt(11), "csat", 1 + random.nextInt(5)));
        } else {
            sql("UPDATE survey_answer SET answered_at = :at WHERE invitation_id = CAST(:id AS uuid)", Map.of("id", answer, "at", boundaryOrMiddle(random)));
        }
    }

    /** The last or first instant of a 2024 month in Shanghai (16:xx UTC), or the middle of one. */
    private static Instant boundaryOrMiddle(Random random) {
        LocalDate month = LocalDate.of(2024, 1 + random.nextInt(12), 1);
        return switch (random.nextInt(3)) {
            case 0 -> month.plusMonths(1).atStartOfDay(ZONE).minusSeconds(1).toInstant();
            case 1 -> month.atStartOfDay(ZONE).toInstant();
            default -> month.withDayOfMonth(15).atStartOfDay(ZONE).plusHours(10).toInstant();
        };
    }

    private void handOver(TestUser manager, String customer, TestUser first, TestUser second) {
        String to = owners.get(customer).equals(first.id().toString()) ? second.id().toString() : first.id().toString();
        manager.request().header("If-Match", etag(manager, customer)).body(aContact().name(names.get(customer)).with("marketingConsent", true)
                .with("ownerId", to).build()).put("/api/v1/contacts/" + customer).then().statusCode(200);
        owners.put(customer, to);
    }

    /** The customers not yet invited answer at once through their links (promoters, passives and detractors of one or two owners). */
    private void concurrentAnswers(List<String> customers) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String customer : customers) {
            if (invited.add(customer)) {
                String link = manager.request().body(Map.of("template", "NPS")).post("/api/v1/contacts/" + customer + "/survey-invitations")
                        .then().statusCode(201).extract().path("link");
                tokens.add(link.substring(link.lastIndexOf("/s/") + 3));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                int score = (i * 4) % 11;
                calls.add(() -> customerRequest().contentType(ContentType.JSON).body(Map.of("score", score)).post(PUBLIC + token).statusCode());
            }
            for (Future<Integer> answered : pool.invokeAll(calls)) {
                assertEquals(204, answered.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each call from its own client address, as customers' phones are (the test profile trusts X-Forwarded-For). */
    private static io.restassured.specification.RequestSpecification customerRequest() {
        int n = ADDRESSES.incrementAndGet();
        return given().header("X-Forwarded-For", "10.57." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    private static String etag(TestUser manager, String customer) {
        return manager.request().get("/api/v1/contacts/" + customer).then().statusCode(200).extract().header("ETag");
    }

    /** Promoters, passives and detractors among the NPS answers of the owner's customers now, answered days from–to (Shanghai). */
    private long[] expected(UUID owner, LocalDate from, LocalDate to) {
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE a.score >= %3$d) AS promoters, count(*) FILTER (WHERE a.score > %4$d AND a.score < %3$d) AS passives,
                       count(*) FILTER (WHERE a.score <= %4$d) AS detractors
                FROM %1$s AS a JOIN %2$s AS k ON k.id = a.contact_id WHERE k.owner_id = :owner AND a.answered_at >= :s AND a.answered_at < :e"""
                .formatted(SurveyReadModel.NPS_ANSWERS, ContactReadModel.CONTACTS, Nps.PROMOTER_MIN, Nps.DETRACTOR_MAX), Tuple.class)
                .setParameter("owner", owner).setParameter("s", from.atStartOfDay(ZONE).toInstant())
                .setParameter("e", to.plusDays(1).atStartOfDay(ZONE).toInstant()).getSingleResult());
        return new long[] {((Number) row.get("promoters")).longValue(), ((Number) row.get("passives")).longValue(),
                ((Number) row.get("detractors")).longValue()};
    }

    private static JsonPath report(TestUser user, String query) {
        return user.request().get("/api/v1/analytics/RETENTION?" + query).then().statusCode(200).extract().jsonPath(DECIMALS);
    }

    private static BigDecimal card(JsonPath report, String code, String field) {
        BigDecimal value = decimal(report, code, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal decimal(JsonPath report, String code, String field) {
        Object value = report.getMap("cards.find { it.code == '" + code + "' }").get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** Both empty, or the same number (whatever its scale). */
    private static void assertSame(BigDecimal expected, BigDecimal actual, String message) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, message);
        } else {
            assertEquals(0, expected.compareTo(actual), message + ": " + expected + " vs " + actual);
        }
    }

    private static long drillTotal(TestUser manager, String figure, String key, String query) {
        return manager.request().get("/api/v1/analytics/RETENTION/drill/" + figure + "?" + query + (key == null ? "" : "&key=" + key) + "&size=200")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private void sql(String sql, Map<String, Object> params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            params.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
