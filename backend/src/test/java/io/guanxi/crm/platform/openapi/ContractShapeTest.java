package io.guanxi.crm.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.support.ContractConformance;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What generators and linters need from the committed contract: a server, a success answer for every
 * operation, failures as problems, the problem's extension members, and no Jackson internals.
 */
class ContractShapeTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode contract = read();

    @Test
    void namesAServer() {
        assertFalse(contract.path("servers").isEmpty(), "servers (Redocly no-empty-servers)");
    }

    @Test
    void everyOperationHasASuccessAnswerAndItsFailuresAreProblems() {
        List<String> wrong = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String op = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = method.getValue().path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                wrong.add(op + ": no 2xx response");
            }
            codes.stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                    .filter(code -> !responses.path(code).path("content").has("application/problem+json"))
                    .forEach(code -> wrong.add(op + ": " + code + " is not problem+json"));
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void declaresTheProblemExtensionMembersTheServiceSends() {
        JsonNode properties = contract.at("/components/schemas/Problem/properties");
        for (String member : List.of("errors", "existingId", "duplicates", "allowedActions", "state", "retryAfterSeconds",
                "runningJobId", "refundable", "balance", "needed", "stock", "levelRequired")) {
            assertTrue(properties.has(member), "Problem." + member);
        }
        // Complaints, win-back plans and churn reviews each have their own actions: the contract says a list of names.
        assertEquals("string", properties.at("/allowedActions/items/type").asText());
    }

    @Test
    void leaksNoJacksonTypes() {
        JsonNode schemas = contract.at("/components/schemas");
        assertFalse(schemas.has("JsonNode") || schemas.has("JsonNodeType"), "Jackson's JsonNode in the contract");
        assertEquals("object", contract.at("/components/schemas/Job/properties/report/type").asText());
    }

    @Test
    void tiersAndLevelsAreEnumerations() {
        for (String pointer : List.of("/Contact/properties/abcTier", "/Contact/properties/membershipLevel",
                "/CustomerValue/properties/abcTier", "/CustomerValue/properties/abcdQuadrant", "/TierPolicy/properties/noRevenueTier",
                "/TierChange/properties/dimension", "/PointsLiabilityRow/properties/level", "/AbcdThresholds/properties/source")) {
            JsonNode schema = contract.at("/components/schemas" + pointer);
            assertTrue(schema.has("enum") || schema.has("$ref"), pointer + " is a plain string");
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(ContractConformance.CONTRACT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
