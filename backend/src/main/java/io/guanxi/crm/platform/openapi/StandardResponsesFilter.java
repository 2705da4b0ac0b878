package io.guanxi.crm.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the error responses that the API conventions give every operation, in one place instead
 * of on each method: 400 for input, 401 (with WWW-Authenticate) and 403 where a token is needed, 404 for
 * a path parameter, 413/415 for a body, 412/428 on updates, 414, 431, 500 and 503 (a database outage; on a
 * search also its timeout) everywhere, Retry-After on 429 and 503. Each is an RFC 9457 problem. Public endpoints
 * drop the bearer requirement. What only some operations answer (409, 422, a 404 for an id in the body) is
 * declared on the method.
 */
public class StandardResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final List<String> PUBLIC_PATHS = List.of("/api/v1/auth/token", "/api/v1/auth/session",
            "/api/v1/auth/refresh", "/api/v1/auth/logout");
    private static final String OPEN_PREFIX = "/api/v1/public/";
    /**
     * Takes a contactId but keeps its record with the contact named, merged or not: a rights request is a legal
     * record of what that person asked (docs/merge.md), and may still have to erase the merged contact's own data.
     */
    private static final List<String> KEPT_WITH_MERGED_CONTACT = List.of("/api/v1/privacy/requests");

    /** The document's schemas, to see whether a request body names a contact. */
    private Map<String, Schema> schemas = Map.of();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || openAPI.getPaths() == null) {
            return;
        }
        schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> addStandardResponses(path, method, operation)));
        declareArraysOfReferences(components.getSchemas() == null ? null : components.getSchemas().get("Problem"));
        // Stable order in the stored document, so the drift check compares like with like.
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
    }

    private void addStandardResponses(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // Under /api/v1/public: answered without any credentials (the survey a customer opens by its personal link).
        boolean isOpen = path.startsWith(OPEN_PREFIX);
        boolean isPublic = PUBLIC_PATHS.contains(path) || isOpen;
        if (isPublic) {
            operation.setSecurity(List.of());
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean hasPathParameter = path.contains("{");
        boolean isUpdate = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;

        if (hasInput || method == PathItem.HttpMethod.POST || isUpdate) {
            add(responses, "400", "Invalid input: validation errors (with the field list), malformed JSON, "
                    + "a wrong type or an unknown enum value");
        }
        if (isOpen) {
            // No credentials, so nothing to refuse them for.
        } else if (isPublic) {
            add(responses, "401", "Wrong username or password");
        } else {
            add(responses, "401", "Missing, expired or invalid bearer token");
            add(responses, "403", "Your role does not allow this operation");
        }
        if (hasPathParameter) {
            add(responses, "404", "No such record, or it is not visible to you");
        }
        // A contact merged into another (issue 20): anything but a read of it answers 410 with mergedInto.
        if (writesToContact(path, method, operation)) {
            add(responses, "410", "contact-merged: the contact was merged into another; mergedInto names the survivor "
                    + "(404 instead when you may not see the survivor)");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The request body is larger than 1 MB");
            add(responses, "415", "The body is not application/json");
        }
        // A PUT, or a state change (POST …/complete) that takes If-Match like one.
        boolean takesIfMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (isUpdate || takesIfMatch) {
            add(responses, "412", "The If-Match version is stale: someone else changed the record");
            add(responses, "428", "If-Match is missing");
        }
        // The HTTP layer refuses a request line or headers larger than it accepts, whatever the operation.
        add(responses, "414", "The URI is longer than the service accepts");
        add(responses, "431", "The request headers are larger than the service accepts");
        add(responses, "500", "Unexpected failure (logged; no details are exposed)");
        // Any operation may meet a database outage (stopped, restarting, failing over); the search also its own timeout.
        add(responses, "503", hasSearchText(operation)
                ? "service-unavailable: the database cannot be reached right now, retry after Retry-After; or "
                        + "query-timeout: the search took too long and was stopped, narrow it"
                : "service-unavailable: the database cannot be reached right now; retry after Retry-After");
        // Failures an operation declares itself (409, 422, …) are problems too.
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && !hasProblemSchema(response)) {
                response.setContent(problemContent());
            }
        });
        if (!isPublic) {
            requireHeader(responses.getAPIResponse("401"), "WWW-Authenticate", "Bearer: send a valid bearer token",
                    Schema.SchemaType.STRING);
        }
        if (responses.hasAPIResponse("429")) {
            requireHeader(responses.getAPIResponse("429"), "Retry-After", "Seconds to wait before trying again",
                    Schema.SchemaType.INTEGER);
        }
        // Not required: a query-timeout 503 has none.
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader().required(false)
                .description("service-unavailable: seconds to wait before trying again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        sortResponses(responses);
    }

    /**
     * A change of a contact, or a record attached to one (ContactService.requireContactForWriting): a change under
     * /api/v1/contacts/{…}, a change with a {contactId} path parameter, or a POST whose body names a contactId.
     */
    private boolean writesToContact(String path, PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.GET || KEPT_WITH_MERGED_CONTACT.contains(path)) {
            return false;
        }
        if (path.startsWith("/api/v1/contacts/{") || path.contains("{contactId}")) {
            return true;
        }
        return method == PathItem.HttpMethod.POST && bodyNamesContact(operation);
    }

    private boolean bodyNamesContact(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        return operation.getRequestBody().getContent().getMediaTypes().values().stream().anyMatch(media -> {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null) {
                schema = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            }
            return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("contactId");
        });
    }

    /** Headers the conventions promise, so clients (and the contract tests) can rely on them. */
    private static void requireHeader(APIResponse response, String name, String description, Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema().type(List.of(type));
        response.addHeader(name, OASFactory.createHeader().required(true).description(description).schema(schema));
    }

    /**
     * Problem's extension members are declared on the class by name (platform may not name feature types);
     * an array member given as {@code type: array} plus a {@code $ref} becomes an array of that reference.
     */
    private static void declareArraysOfReferences(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            if (property.getRef() != null && property.getType() != null && property.getType().contains(Schema.SchemaType.ARRAY)) {
                String ref = property.getRef();
                property.setRef(null);
                property.setType(List.of(Schema.SchemaType.ARRAY));
                property.setItems(OASFactory.createSchema().ref(ref));
            }
        });
    }

    /** Free-text search runs under a statement timeout; the other queries are bounded by their indexes. */
    private static boolean hasSearchText(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "q".equals(p.getName()));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()
                    || existing.getContent().hasMediaType(PROBLEM)) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static boolean hasProblemSchema(APIResponse response) {
        return response.getContent() != null && response.getContent().hasMediaType(PROBLEM)
                && response.getContent().getMediaType(PROBLEM).getSchema() != null;
    }

    private static Content problemContent() {
        Schema schema = OASFactory.createSchema().ref(PROBLEM_REF);
        MediaType mediaType = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType(PROBLEM, mediaType);
    }

    private static void sortResponses(APIResponses responses) {
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        return parameter;
    }
}
