package io.guanxi.crm.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A domain failure that becomes an RFC 9457 problem response. Services throw these; only
 * {@link ProblemMappers} turns them into HTTP.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", what + " was not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "Bad request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed",
                "The request has invalid fields", List.of(new FieldError(field, message)), Map.of());
    }
}
