package io.guanxi.crm.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.http.JacksonSetup;
import io.guanxi.crm.platform.http.StrictParamConverters;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: every error is an RFC 9457 problem, with no
 * stack trace or class name in it, and no input echoed back: field names and limits only, at most
 * {@value #MAX_FIELD_ERRORS} field errors (then {@code errorCount} says how many there were). 5xx are
 * logged with their cause, 4xx only at debug level.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int MAX_FIELD_ERRORS = 20;
    private static final int MAX_FIELD_NAME = 100;

    @Inject
    GuanxiConfig config;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors(),
                e.extensions()), e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(validation("The request has invalid fields", uri, errors), e);
    }

    // Declared per type: the REST layer has its own mappers for these, and the most specific wins.
    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "Unknown or read-only field: " + field, path(uri),
                List.of(new FieldError(field, "is not a field of this request (read-only or unknown)")), null), e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else {
            message = "has the wrong format for " + describe(target);
        }
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "Field '" + field + "' " + message, path(uri), List.of(new FieldError(field, message)), null), e);
    }

    @ServerExceptionMapper
    public Response rejectedValue(JacksonSetup.RejectedValueException e, UriInfo uri) {
        String field = jsonPath(e);
        String name = field.isEmpty() ? "body" : field;
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "Field '" + name + "' " + e.reason(), path(uri), List.of(new FieldError(name, e.reason())), null), e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e instanceof JacksonSetup.RejectedValueException rejected) {
            return rejectedValue(rejected, uri);
        }
        String field = jsonPath(e);
        if (field.isEmpty() && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return respond(new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                    "The request body has content after its JSON value", path(uri),
                    List.of(new FieldError("body", "must be a single JSON value with nothing after it")), null), e);
        }
        if (field.isEmpty()) {
            return respond(new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                    "The request body is not the JSON object this operation expects", path(uri), null, null), e);
        }
        String message = "has the wrong type; expected " + describe(e.getTargetType());
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "Field '" + field + "' " + message, path(uri), List.of(new FieldError(field, message)), null), e);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "The request body could not be read", path(uri),
                List.of(new FieldError(field.isEmpty() ? "body" : field, "is invalid")), null), e);
    }

    /** Every Jackson failure while reading a body, however the REST layer wraps it. */
    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return respond(new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                    "Field '" + duplicate + "' appears more than once", path(uri),
                    List.of(new FieldError(duplicate, "appears more than once; send each field once")), null), e);
        }
        if (e instanceof UnrecognizedPropertyException unrecognized) {
            return unrecognizedProperty(unrecognized, uri);
        }
        if (e instanceof InvalidFormatException invalidFormat) {
            return invalidFormat(invalidFormat, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return valueInstantiation(instantiation, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        return respond(new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                "The request body is not valid JSON", path(uri), null, null), e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(uri, e);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // The token's user or session could not be looked up: the token may be fine, so no 401 (it signs the user out).
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(uri, e);
        }
        return unauthorizedResponse(uri, e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                "Your role does not allow this operation", path(uri), null, null), e);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleVersion(uri, e);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleVersion(uri, e);
    }

    @ServerExceptionMapper
    public Response invalidParameter(StrictParamConverters.InvalidParameterException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                "Query parameter '" + e.parameter() + "' " + e.problem(), path(uri),
                List.of(new FieldError(e.parameter(), e.problem())), null), e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProcessing(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthorizedResponse(uri, e);
        }
        String type = switch (status) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 403 -> ProblemTypes.FORBIDDEN;
            default -> status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.BAD_REQUEST;
        };
        Response.StatusType statusInfo = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support the HTTP method used";
            case 413 -> "The request body is larger than the service accepts";
            case 415 -> "Send the body as application/json";
            default -> statusInfo.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.status(status);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        Problem problem = new Problem(type, statusInfo.getReasonPhrase(), status, detail, path(uri), null, null);
        log(problem, e);
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response queryTimeout(QueryTimeoutException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.QUERY_TIMEOUT, "Query took too long", 503,
                "The query was stopped because it took too long; narrow it with more characters or filters",
                path(uri), null, null), e);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(uri, e);
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleVersion(uri, e);
            }
            if (cause instanceof QueryTimeoutException timeout) {
                return queryTimeout(timeout, uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return jsonProcessing(json, uri);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return respond(new Problem(ProblemTypes.INTERNAL, "Internal error", 500,
                "The service failed to handle the request; it has been logged", path(uri), null, null), e);
    }

    /**
     * 503 with Retry-After while the database cannot be reached. Logged as one warning line without the stack (an
     * outage fails every request) and without the driver's message, which may quote SQL; the readiness probe is DOWN
     * meanwhile, so a balancer stops sending requests here.
     */
    private Response databaseUnavailable(UriInfo uri, Throwable e) {
        long seconds = Math.max(1, config.http().databaseUnavailableRetryAfter().toSeconds());
        Problem problem = new Problem(ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", 503,
                "The database cannot be reached right now; retry in a few seconds", path(uri), null,
                Map.of("retryAfterSeconds", seconds));
        LOG.warnf("%s: database unavailable (%s)", problem.instance(), rootCauseClass(e));
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(seconds))
                .entity(problem).build();
    }

    private static String rootCauseClass(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof java.sql.SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "";
        return root.getClass().getSimpleName() + state;
    }

    private Response staleVersion(UriInfo uri, Throwable e) {
        return respond(new Problem(ProblemTypes.PRECONDITION_FAILED, "Precondition failed", 412,
                "Someone else changed this record since you read it; reload it and apply your change again",
                path(uri), null, null), e);
    }

    private Response unauthorizedResponse(UriInfo uri, Throwable e) {
        Problem problem = new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                "A valid bearer token is required", path(uri), null, null);
        log(problem, e);
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response respond(Problem problem, Throwable cause) {
        log(problem, cause);
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        Object retryAfter = problem.extensionMembers().get("retryAfterSeconds");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter.toString());
        }
        Object location = problem.extensionMembers().get("location");
        if (problem.status() >= 300 && problem.status() < 400 && location != null) {
            builder.header(HttpHeaders.LOCATION, location.toString()); // a pointer (a merged contact's survivor)
        }
        return builder.build();
    }

    private static void log(Problem problem, Throwable cause) {
        if (problem.status() >= 500) {
            LOG.errorf(cause, "%s %s failed", problem.instance(), problem.title());
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("%s -> %d %s: %s", problem.instance(), problem.status(), problem.title(), cause.toString());
        }
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Problem validation(String detail, UriInfo uri, List<FieldError> errors) {
        if (errors.size() <= MAX_FIELD_ERRORS) {
            return new Problem(ProblemTypes.VALIDATION, "Validation failed", 400, detail, path(uri), errors, null);
        }
        return new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                detail + " (the first " + MAX_FIELD_ERRORS + " of " + errors.size() + " are listed)", path(uri),
                errors.subList(0, MAX_FIELD_ERRORS), Map.of("errorCount", errors.size()));
    }

    private static String jsonPath(JsonMappingException e) {
        return safeField(e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "["));
    }

    /**
     * The path of the key Jackson's duplicate detection stopped at, or null when the failure is not a
     * duplicate key. The parser's context still points at the offending key.
     */
    private static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field")) {
                JsonParser parser = read.getProcessor();
                List<String> names = new ArrayList<>();
                for (JsonStreamContext context = parser == null ? null : parser.getParsingContext(); context != null;
                        context = context.getParent()) {
                    if (context.inObject() && context.getCurrentName() != null) {
                        names.add(0, context.getCurrentName());
                    } else if (context.inArray()) {
                        names.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
                    }
                }
                return names.isEmpty() ? "body" : safeField(String.join(".", names).replace(".[", "["));
            }
        }
        return null;
    }

    /** A field name as the client sent it, bounded and printable: it may be an unknown, made-up key. */
    private static String safeField(String field) {
        String printable = field.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_FIELD_NAME ? printable : printable.substring(0, MAX_FIELD_NAME) + "…";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "this field";
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant (2026-11-23T08:00:00Z)";
            case "UUID" -> "a UUID";
            case "List", "Set", "ArrayList" -> "an array";
            default -> type.isEnum() ? "one of the listed values" : "an object";
        };
    }

    /**
     * A constraint on a query or path parameter is reported under the parameter's name; one inside a
     * request body under the JSON property path (the body parameter's own name is dropped).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        boolean bodyPathStarted = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    field.setLength(0);
                    field.append(node.getName());
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (!bodyPathStarted) {
                        field.setLength(0);
                        bodyPathStarted = true;
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }
}
