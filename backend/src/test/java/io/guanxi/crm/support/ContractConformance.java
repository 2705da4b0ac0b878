package io.guanxi.crm.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every response a test receives against the committed contract ({@code openapi/openapi.json}):
 * the status is documented for the operation, the content type is one it lists, and the body matches
 * the schema, with no undocumented field. Requests are not checked: tests send bad ones on purpose.
 * A response outside any documented path (the SPA, /q/…) is not checked either.
 *
 * <p>swagger-request-validator validates OpenAPI 3.0 with a JSON Schema draft-4 engine, while SmallRye
 * writes 3.1. The document is therefore loaded through {@link #toOpenApi30}, which rewrites the few 3.1
 * forms the contract uses into their 3.0 equivalents.
 */
public final class ContractConformance implements Filter {

    /** The contract as the build wrote it; the drift check keeps it equal to what the service serves. */
    public static final Path CONTRACT = locateContract();

    private static final String REPORT_FILE = System.getProperty("contract.survey");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiInteractionValidator validator;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        List<String> violations = violations(URI.create(request.getURI()).getRawPath(), request.getMethod(), response);
        if (!violations.isEmpty() && REPORT_FILE != null) {
            // Survey mode (-Dcontract.survey=FILE): list every violation of a run instead of failing.
            appendToReport(request.getMethod() + " " + request.getURI() + " -> " + response.statusCode() + "\n  - "
                    + String.join("\n  - ", violations) + "\n  body: " + abbreviate(response.asString()) + "\n");
        } else if (!violations.isEmpty()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + request.getURI()
                    + " breaks the contract (openapi/openapi.json):\n  - " + String.join("\n  - ", violations)
                    + "\nStatus " + response.statusCode() + ", body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** What is wrong with this response to this request, in the validator's words; empty when it conforms. */
    public static List<String> violations(String rawPath, String method, Response response) {
        ValidationReport report = validator().validateResponse(rawPath, Request.Method.valueOf(method.toUpperCase()),
                RestAssuredResponse.of(response));
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage()
                        + message.getContext().flatMap(c -> c.getPointers().map(p -> " at " + p.getInstance())).orElse(""))
                .collect(Collectors.toList());
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ContractConformance.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(toOpenApi30(readContract()))
                            .withLevelResolver(LevelResolver.create()
                                    // Requests are the tests' business; unknown paths (SPA, /q/…) are not API.
                                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    private static String readContract() {
        try {
            return Files.readString(CONTRACT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + CONTRACT, e);
        }
    }

    /**
     * The 3.1 document as 3.0: {@code examples: [..]} in a schema becomes {@code example}, a numeric
     * {@code exclusiveMinimum/Maximum} becomes {@code minimum/maximum} plus the boolean, {@code type: [t, "null"]}
     * becomes {@code nullable}, {@code const} a one-value enum.
     */
    static String toOpenApi30(String openApi31) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(openApi31);
            root.put("openapi", "3.0.3");
            root.remove("jsonSchemaDialect");
            root.remove("webhooks");
            rewrite(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode examples = object.get("examples");
            if (examples != null && examples.isArray()) {
                object.remove("examples");
                if (!examples.isEmpty()) {
                    object.set("example", examples.get(0));
                }
            }
            bound(object, "exclusiveMinimum", "minimum");
            bound(object, "exclusiveMaximum", "maximum");
            JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(t -> types.add(t.asText()));
                if (types.remove("null")) {
                    object.put("nullable", true);
                }
                object.put("type", types.get(0));
            }
            JsonNode constant = object.remove("const");
            if (constant != null) {
                object.putArray("enum").add(constant);
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            fields.forEach(field -> rewrite(field.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(ContractConformance::rewrite);
        }
    }

    private static void bound(ObjectNode object, String exclusive, String inclusive) {
        JsonNode value = object.get(exclusive);
        if (value != null && value.isNumber()) {
            object.set(inclusive, value);
            object.put(exclusive, true);
        }
    }

    private static Path locateContract() {
        for (Path candidate : List.of(Path.of("../openapi/openapi.json"), Path.of("openapi/openapi.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("openapi/openapi.json not found from " + Path.of("").toAbsolutePath());
    }

    private static synchronized void appendToReport(String entry) {
        try {
            Files.writeString(Path.of(REPORT_FILE), entry, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
