package io.guanxi.crm.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Contacts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: malformed requests built from the committed contract ({@code openapi/openapi.json}) are
 * sent to every operation, as an admin and as a sales rep: wrong JSON types per field, floats for
 * integers, numbers for enums and booleans, NUL in text, over-long text and arrays, dates PostgreSQL
 * cannot store, duplicate keys, trailing garbage, non-JSON, invalid ids in paths and queries, bad
 * paging. Every answer must be below 500; every 4xx a problem (status and title) that does not echo
 * the injected marker; a malformed body is never accepted; and nothing is written (row counts of
 * every table, the policies and the fixture rows are unchanged).
 *
 * <p>The malformed values come from jqwik arbitraries drawn with a fixed seed, so a failure repeats;
 * the number of draws per operation is bounded to keep the run near half a minute.
 */
@QuarkusTest
class ContractFuzzTest {

    static final String MARKER = "FZ9mk";
    private static final long SEED = 20261123L;
    private static final int DRAWS_PER_BODY = 36;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final RestAssuredConfig RAW_BODIES = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Tables that scheduled jobs write to while the suite runs. */
    private static final List<String> WRITTEN_BY_SCHEDULED_JOBS = List.of("complaint_event", "activity", "lead_score_history",
            "points_entry", "points_lot", "points_lot_use", "loyalty_account", "customer_value", "tier_history");

    @Inject
    DataSource db;

    private JsonNode schemas;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<Integer, Integer> statusCounts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private TestUser admin;
    private TestUser rep;

    /** One request: where, who, what; {@code mustFail} when nothing about it may succeed. */
    record Case(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
            boolean asAdmin, boolean mustFail, String what) {
    }

    @Test
    void malformedRequestsToEveryOperationAreProblemsAndWriteNothing() throws Exception {
        JsonNode contract = JSON.readTree(new File("../openapi/openapi.json"));
        schemas = contract.path("components").path("schemas");
        createFixtures();
        Map<String, String> before = snapshot();
        Random random = new Random(SEED);
        // jqwik's generators outside a jqwik property (the service runs under the Quarkus JUnit extension).
        JqwikSession.start();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations++;
                for (Case c : cases(method.getKey().toUpperCase(), path.getKey(), method.getValue(), random)) {
                    send(c);
                }
            }
        }
        JqwikSession.finish();
        Map<String, String> after = snapshot();
        System.out.printf("Contract fuzz: %d operations, %d requests, by status %s, %d with 5xx, %d failures%n",
                operations, requests, statusCounts, statusCounts.entrySet().stream().filter(e -> e.getKey() >= 500)
                        .mapToInt(Map.Entry::getValue).sum(), failures.size());
        assertTrue(operations >= 80, "read the contract: " + operations + " operations");
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
        assertEquals(before, after, "malformed requests wrote nothing");
    }

    // ---- Cases ----

    private List<Case> cases(String method, String template, JsonNode operation, Random random) {
        List<Case> cases = new ArrayList<>();
        boolean write = !method.equals("GET");
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        boolean bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        String validPath = fill(template, null, null);

        // Invalid ids in the path: never a write that could succeed.
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                for (String bad : List.of("not-a-uuid-" + MARKER, "12345", "00000000-0000-0000-0000-00000000000g",
                        MARKER.repeat(60), "-1", "1.5", "99999999999999999999")) {
                    if (name.equals("version") && bad.equals("-1")) {
                        continue;
                    }
                    cases.add(new Case(method, fill(template, name, bad), Map.of(), headers(method), hasBody ? validishBody(bodySchema) : null,
                            cases.size() % 2 == 0, true, "path " + name + "=" + bad));
                }
                if (!name.equals("version")) {
                    cases.add(new Case(method, fill(template, name, UUID.randomUUID().toString()), Map.of(), headers(method),
                            hasBody ? validishBody(bodySchema) : null, true, true, "path " + name + " unknown"));
                }
            }
        }
        // Invalid query values, one parameter at a time (with a valid path only when nothing can be written).
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            for (String bad : badQueryValues(name, schema)) {
                boolean safe = !write || hasBody;
                String path = safe ? validPath : fill(template, null, UUID.randomUUID().toString());
                cases.add(new Case(method, path, Map.of(name, bad), headers(method), hasBody ? validishBody(bodySchema) : null,
                        cases.size() % 2 == 0, write || !isFreeText(name, schema), "query " + name + "=" + abbreviate(bad)));
            }
        }
        if (!hasBody) {
            return cases;
        }
        // Malformed bodies: whole-body damage, then jqwik draws of one damaged field.
        JsonNode base = baseValue(bodySchema, 0);
        String baseText = base.toString();
        List<String> wholeBody = new ArrayList<>(List.of(baseText + " " + MARKER, baseText + baseText, baseText + "]",
                MARKER, "<request>" + MARKER + "</request>", "{\"a\": " + MARKER + "}", "[".repeat(3000) + "]".repeat(3000),
                "{\"n\": 1e999999999}", "{\"" + MARKER + "\": \"unterminated", "\u0000" + MARKER,
                base.isArray() ? "{}" : "[]", base.isArray() ? "[" + MARKER + "]" : "{\"unknownField\": \"" + MARKER + "\"}"));
        if (bodyRequired) {
            wholeBody.add("null");
            wholeBody.add("");
        }
        if (base.isObject() && base.size() > 0) {
            String key = base.fieldNames().next();
            wholeBody.add("{\"" + key + "\": " + base.get(key) + ", " + baseText.substring(1));
        }
        for (String body : wholeBody) {
            cases.add(new Case(method, validPath, Map.of(), headers(method), body.getBytes(StandardCharsets.UTF_8),
                    cases.size() % 2 == 0, true, "body " + abbreviate(body)));
        }
        cases.add(new Case(method, validPath, Map.of(), headers(method), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
                true, true, "body with invalid UTF-8"));
        if (write) {
            Map<String, String> badHeaders = new LinkedHashMap<>(headers(method));
            badHeaders.put("Idempotency-Key", MARKER + "k".repeat(400));
            badHeaders.put("If-Match", "\"" + MARKER + "\"");
            cases.add(new Case(method, validPath, Map.of(), badHeaders, baseText.replaceFirst("\\{", "{\"unknownField\": \"" + MARKER + "\", ")
                    .getBytes(StandardCharsets.UTF_8), false, true, "bad headers and an unknown field"));
        }
        List<FieldMutation> mutations = new ArrayList<>();
        collectFields(bodySchema, List.of(), mutations, 0);
        if (mutations.isEmpty()) {
            return cases;
        }
        Arbitrary<Damage> damage = Arbitraries.of(mutations).flatMap(FieldMutation::damage);
        RandomGenerator<Damage> generator = damage.generator(1000);
        for (int i = 0; i < DRAWS_PER_BODY; i++) {
            Damage d = generator.next(random).value();
            JsonNode body = baseValue(bodySchema, 0);
            body = set(body, d.path(), d.value());
            cases.add(new Case(method, validPath, Map.of(), headers(method), body.toString().getBytes(StandardCharsets.UTF_8),
                    i % 2 == 0, true, "field " + String.join(".", d.path()) + " = " + abbreviate(d.value().toString())));
        }
        return cases;
    }

    /** A text filter (q, tag, industry): any value is a valid question, at worst with no answer. */
    private boolean isFreeText(String name, JsonNode schema) {
        JsonNode text = schema.path("type").asText().equals("array") ? resolve(schema.path("items")) : schema;
        return text.path("type").asText().equals("string") && !text.has("enum") && !text.has("format")
                && !name.equals("sort") && !name.equals("from") && !name.equals("to");
    }

    private List<String> badQueryValues(String name, JsonNode schema) {
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            return List.of("1", MARKER, "\u0000");
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return List.of(MARKER, "123", "\u0000");
        }
        return switch (type) {
            case "integer" -> List.of("-1", "1.5", MARKER, "99999999999", "1e3", "0x10");
            case "boolean" -> List.of("1", "yes", MARKER);
            case "number" -> List.of(MARKER, "1e99999");
            default -> switch (name) {
                case "sort" -> List.of(MARKER + ",asc", "name;drop table contact", "name,sideways", ",", "x".repeat(300));
                case "from", "to" -> List.of("+10000-01-01", "-999999999-01-01", MARKER, "2026-13-45");
                default -> List.of("\u0000" + MARKER, "x".repeat(3000) + MARKER);
            };
        };
    }

    private Map<String, String> headers(String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!method.equals("GET")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (method.equals("PUT") || method.equals("PATCH")) {
            headers.put("If-Match", "\"0\"");
        }
        return headers;
    }

    /** The path with valid fixture ids, except {@code badName}, which gets {@code badValue} (or every id does, when null). */
    private String fill(String template, String badName, String badValue) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            path.append('/');
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            if (badValue != null && (badName == null || badName.equals(name))) {
                path.append(badValue);
                continue;
            }
            String owner = name.equals("contactId") ? "contacts" : segments[i - 1];
            path.append(ids.getOrDefault(owner, name.equals("version") ? "1" : UUID.randomUUID().toString()));
        }
        return path.toString();
    }

    // ---- Bodies from schemas ----

    /** A field that can be damaged, and the ways to damage it. */
    record FieldMutation(List<String> path, JsonNode schema) {
        Arbitrary<Damage> damage() {
            Arbitrary<JsonNode> values = malformed(schema);
            return values.map(value -> new Damage(path, value));
        }
    }

    record Damage(List<String> path, JsonNode value) {
    }

    private void collectFields(JsonNode schema, List<String> path, List<FieldMutation> out, int depth) {
        JsonNode resolved = resolve(schema);
        if (!path.isEmpty()) {
            out.add(new FieldMutation(path, resolved));
        }
        if (depth > 3) {
            return;
        }
        if (resolved.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = resolved.get("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                List<String> child = new ArrayList<>(path);
                child.add(property.getKey());
                collectFields(property.getValue(), child, out, depth + 1);
            }
        } else if ("array".equals(resolved.path("type").asText())) {
            List<String> child = new ArrayList<>(path);
            child.add("0");
            collectFields(resolved.path("items"), child, out, depth + 1);
        }
    }

    /** Values the field's schema refuses, as jqwik arbitraries. */
    static Arbitrary<JsonNode> malformed(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        Arbitrary<JsonNode> marker = Arbitraries.strings().alpha().ofMaxLength(8).map(s -> TextNode.valueOf(s + MARKER));
        Arbitrary<JsonNode> anyNumber = Arbitraries.integers().map(n -> (JsonNode) NODES.numberNode(n));
        Arbitrary<JsonNode> fraction = Arbitraries.doubles().between(-1e6, 1e6).filter(d -> d != Math.rint(d))
                .map(d -> (JsonNode) NODES.numberNode(d));
        Arbitrary<JsonNode> object = Arbitraries.just(NODES.objectNode().put(MARKER, 1));
        Arbitrary<JsonNode> array = Arbitraries.just(NODES.arrayNode().add(MARKER));
        Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b));
        if (schema.has("enum")) {
            return Arbitraries.oneOf(anyNumber, marker, bool, object, Arbitraries.just(TextNode.valueOf("")));
        }
        if (format.equals("uuid")) {
            return Arbitraries.oneOf(marker, anyNumber, object, Arbitraries.just(TextNode.valueOf("")),
                    Arbitraries.just(TextNode.valueOf("00000000-0000-0000-0000-0000000000" + MARKER)));
        }
        if (format.equals("date") || format.equals("date-time")) {
            String time = format.equals("date") ? "" : "T00:00:00Z";
            Arbitrary<JsonNode> outOfRange = Arbitraries.of("-999999999-01-01", "+10000-01-01", "+999999999-12-31", "0000-12-31",
                    "-0001-01-01").map(d -> TextNode.valueOf(d + time));
            Arbitrary<JsonNode> nonsense = Arbitraries.of("2026-02-30", "2026-13-01", "23/11/2026", MARKER)
                    .map(d -> TextNode.valueOf(d + time));
            return Arbitraries.oneOf(outOfRange, nonsense, anyNumber, object);
        }
        return switch (type) {
            case "integer" -> Arbitraries.oneOf(fraction, bool, marker, anyNumber.map(n -> TextNode.valueOf(n.asText())), object,
                    Arbitraries.just(NODES.numberNode(new java.math.BigInteger("9".repeat(40)))));
            case "number" -> Arbitraries.oneOf(bool, marker, fraction.map(n -> TextNode.valueOf(n.asText())), array,
                    Arbitraries.just(NODES.numberNode(new java.math.BigDecimal("1e999"))));
            case "boolean" -> Arbitraries.oneOf(Arbitraries.of(0, 1).map(n -> (JsonNode) NODES.numberNode(n)),
                    Arbitraries.of("true", "false", "yes").map(TextNode::valueOf), marker, object);
            case "array" -> Arbitraries.oneOf(marker, object, anyNumber,
                    Arbitraries.integers().between(schema.path("maxItems").asInt(5000) + 1, schema.path("maxItems").asInt(5000) + 300)
                            .map(n -> {
                                ArrayNode many = NODES.arrayNode();
                                for (int i = 0; i < n; i++) {
                                    many.add(MARKER + i);
                                }
                                return (JsonNode) many;
                            }));
            case "string" -> {
                int max = schema.path("maxLength").asInt(100_000);
                yield Arbitraries.oneOf(anyNumber, bool, object, array,
                        Arbitraries.strings().ofMaxLength(10).map(s -> TextNode.valueOf(s + "\u0000" + MARKER)),
                        Arbitraries.integers().between(max + 1, max + 200).map(n -> TextNode.valueOf(MARKER + "x".repeat(n))),
                        Arbitraries.just(TextNode.valueOf(MARKER + "y".repeat(200_000))));
            }
            default -> Arbitraries.oneOf(marker, anyNumber, array, bool);
        };
    }

    /** A plausible body: required fields only, with simple in-range values (it is always damaged before it is sent). */
    private JsonNode baseValue(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText();
        String format = s.path("format").asText();
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        if (format.equals("uuid")) {
            return TextNode.valueOf(ids.getOrDefault("contacts", UUID.randomUUID().toString()));
        }
        if (format.equals("date")) {
            return TextNode.valueOf("1990-01-01");
        }
        if (format.equals("date-time")) {
            return TextNode.valueOf(Instant.now().minus(1, ChronoUnit.HOURS).toString());
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (JsonNode required : s.path("required")) {
                        object.set(required.asText(), baseValue(s.path("properties").path(required.asText()), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(baseValue(s.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, s.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> TextNode.valueOf("x");
        };
    }

    private byte[] validishBody(JsonNode schema) {
        return baseValue(schema, 0).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the value at the path, creating the objects and the first array item on the way. */
    private JsonNode set(JsonNode root, List<String> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String step = path.get(i);
            JsonNode next = node.isArray() ? node.get(0) : node.get(step);
            if (next == null || next.isNull()) {
                next = path.get(i + 1).equals("0") ? NODES.arrayNode().add(NODES.objectNode()) : NODES.objectNode();
                if (node.isArray()) {
                    ((ArrayNode) node).add(next);
                } else {
                    ((ObjectNode) node).set(step, next);
                }
            }
            node = next;
        }
        String last = path.get(path.size() - 1);
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            if (array.isEmpty()) {
                array.add(value);
            } else {
                array.set(0, value);
            }
        } else if (node.isObject()) {
            ((ObjectNode) node).set(last, value);
        }
        return root;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String name = s.get("$ref").asText().substring("#/components/schemas/".length());
            s = schemas.path(name);
        }
        if (s.has("anyOf") || s.has("oneOf")) {
            for (JsonNode option : s.has("anyOf") ? s.get("anyOf") : s.get("oneOf")) {
                if (!"null".equals(option.path("type").asText())) {
                    return resolve(option);
                }
            }
        }
        return s;
    }

    // ---- Sending and checking ----

    private void send(Case c) {
        RequestSpecification request = given().config(RAW_BODIES).urlEncodingEnabled(true)
                .auth().oauth2(c.asAdmin() ? admin.token() : rep.token());
        c.headers().forEach(request::header);
        c.query().forEach(request::queryParam);
        if (c.body() != null) {
            request.contentType("application/json").body(c.body());
        }
        Response response;
        try {
            response = request.request(c.method(), c.path());
        } catch (RuntimeException e) {
            failures.add(c.method() + " " + c.path() + " [" + c.what() + "]: no answer (" + e + ")");
            return;
        }
        requests++;
        int status = response.statusCode();
        statusCounts.merge(status, 1, Integer::sum);
        String where = c.method() + " " + abbreviate(c.path()) + " as " + (c.asAdmin() ? "ADMIN" : "SALES_REP") + " [" + c.what() + "]";
        String body = response.asString();
        if (status >= 500) {
            failures.add(where + ": " + status + " " + abbreviate(body));
            return;
        }
        if (status < 400) {
            if (c.mustFail()) {
                failures.add(where + ": accepted with " + status);
            }
            return;
        }
        String contentType = response.contentType();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(where + ": " + status + " without a problem body (" + contentType + ")");
            return;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                failures.add(where + ": problem without status/title: " + abbreviate(body));
            }
            // instance is the request path (RFC 9457), bounded by the URI limit; nothing else may carry input.
            ((ObjectNode) problem).remove("instance");
            if (problem.toString().contains(MARKER)) {
                failures.add(where + ": the problem echoes the input: " + abbreviate(problem.toString()));
            }
        } catch (IOException e) {
            failures.add(where + ": problem is not JSON");
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "…(" + printable.length() + ")";
    }

    // ---- Fixtures and the write check ----

    private void createFixtures() {
        admin = new TestUser(null, "admin", Api.adminToken());
        rep = Api.newUser(Role.SALES_REP);
        Api.newUser(Role.SERVICE_AGENT);
        ids.put("users", rep.id().toString());
        String contact = created(rep.request().body(Contacts.aContact().build()).post("/api/v1/contacts"), "contact");
        ids.put("contacts", contact);
        ids.put("interactions", created(rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                .post("/api/v1/contacts/" + contact + "/interactions"), "interaction"));
        ids.put("leads", created(rep.request().body(Map.of("contactId", contact, "sourceChannel", "WEBSITE")).post("/api/v1/leads"), "lead"));
        ids.put("purchases", created(rep.request().body(Map.of("contactId", contact, "amount", 800, "channel", "STORE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())).post("/api/v1/purchases"), "purchase"));
        ids.put("complaints", created(admin.request().body(Map.of("contactId", contact, "channel", "HOTLINE", "category", "OTHER",
                "severity", "LOW", "description", "教材晚到")).post("/api/v1/complaints"), "complaint"));
        String reward = created(admin.request().body(Map.of("name", "测试礼品", "kind", "PRIVILEGE", "pointsCost", 1))
                .post("/api/v1/rewards"), "reward");
        ids.put("rewards", reward);
        ids.put("redemptions", created(rep.request().body(Map.of("contactId", contact, "rewardId", reward))
                .post("/api/v1/redemptions"), "redemption"));
        ids.put("rules", created(admin.request().body(Map.of("position", 900, "name", "fuzz", "assigneeIds", List.of(rep.id().toString()),
                "strategy", "ROUND_ROBIN", "active", false)).post("/api/v1/lead-assignment/rules"), "assignment rule"));
    }

    private static String created(Response response, String what) {
        if (response.statusCode() != 201) {
            System.out.println("Contract fuzz: no " + what + " fixture (" + response.statusCode() + "), an unknown id stands in");
            return UUID.randomUUID().toString();
        }
        return response.path("id");
    }

    /** Row counts of every table, the policies, and the fixture rows as text. */
    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (Connection connection = db.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%'"
                    // Quartz's own bookkeeping (fired triggers, check-ins) moves on in the background.
                    + " AND table_name NOT LIKE 'qrtz\\_%'"
                    // The public survey rate limit counts every request, malformed ones too: a flood is refused whatever
                    // it sends (a throttle's counter, not data the request would change).
                    + " AND table_name <> 'survey_rate_window'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (!WRITTEN_BY_SCHEDULED_JOBS.contains(table)) {
                    state.put(table + " rows", one(connection, "SELECT count(*)::text FROM " + table, null));
                    continue;
                }
                // Other tests' data moves on in the background (SLA scans, reminders, point release):
                // here only the fixtures' rows count.
                for (String[] key : new String[][] {{"contact_id", "contacts"}, {"complaint_id", "complaints"}, {"lead_id", "leads"}}) {
                    if (one(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                            + "AND table_name = '" + table + "' AND column_name = '" + key[0] + "'", null) != null) {
                        state.put(table + " rows of the fixture " + key[1], one(connection,
                                "SELECT count(*)::text FROM " + table + " WHERE " + key[0] + " = ?::uuid", ids.get(key[1])));
                    }
                }
            }
            for (String policy : List.of("loyalty_policy", "lead_scoring_policy", "tier_policy", "complaint_sla_policy", "lead_assignment_rule")) {
                state.put(policy, one(connection, "SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) FROM " + policy + " p", null));
            }
            Map<String, String> fixtureTables = Map.of("contacts", "contact", "purchases", "purchase", "complaints", "complaint",
                    "rewards", "reward", "redemptions", "redemption", "users", "app_user", "interactions", "interaction");
            for (Map.Entry<String, String> fixture : fixtureTables.entrySet()) {
                state.put(fixture.getValue() + " fixture", one(connection,
                        "SELECT md5(t::text) FROM " + fixture.getValue() + " t WHERE id = ?::uuid", ids.get(fixture.getKey())));
            }
        }
        return state;
    }

    private static String one(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

}
