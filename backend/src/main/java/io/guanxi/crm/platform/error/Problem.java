package io.guanxi.crm.platform.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx response. The extension members a problem
 * type may carry (the {@code extensions} map) are declared on the schema, so clients read them typed.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json). Besides the standard "
        + "members a problem may carry the extension members below; which ones depends on its type.",
        properties = {
            @SchemaProperty(name = "existingId", type = SchemaType.STRING, format = "uuid",
                    description = "duplicate-contact, duplicate-order: the record that already exists"),
            @SchemaProperty(name = "duplicates", type = SchemaType.ARRAY, implementation = Problem.Duplicate.class,
                    description = "duplicate-contact: every contact the new one may duplicate"),
            @SchemaProperty(name = "state", type = SchemaType.STRING,
                    description = "illegal-transition: the record's current state (a ComplaintState, WinbackState, …)"),
            @SchemaProperty(name = "allowedActions", type = SchemaType.ARRAY, implementation = String.class,
                    description = "illegal-transition: what can be done in the current state (ComplaintAction, WinbackAction, …)"),
            @SchemaProperty(name = "errorCount", type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    description = "validation: how many field errors there are when errors lists only the first 20"),
            @SchemaProperty(name = "retryAfterSeconds", type = SchemaType.INTEGER, format = "int64", minimum = "1",
                    description = "too-many-requests, service-unavailable: seconds until a new attempt is worth it (also in Retry-After)"),
            @SchemaProperty(name = "runningJobId", type = SchemaType.STRING, format = "uuid",
                    description = "job-already-running: the job to follow instead"),
            @SchemaProperty(name = "refundable", type = SchemaType.NUMBER,
                    description = "refund-exceeds-payment: what can still be refunded, CNY"),
            @SchemaProperty(name = "balance", type = SchemaType.INTEGER, format = "int64",
                    description = "insufficient-points: the points the customer has available"),
            @SchemaProperty(name = "needed", type = SchemaType.INTEGER, format = "int64",
                    description = "insufficient-points: the points the operation needs"),
            @SchemaProperty(name = "stock", type = SchemaType.INTEGER, format = "int64",
                    description = "out-of-stock: how many of the reward are left"),
            @SchemaProperty(name = "levelRequired", ref = "MembershipLevel",
                    description = "reward-unavailable: the membership level the reward needs"),
            @SchemaProperty(name = "mergedInto", type = SchemaType.STRING, format = "uuid",
                    description = "contact-merged: the contact it was merged into (the survivor)"),
            @SchemaProperty(name = "location", type = SchemaType.STRING,
                    description = "contact-merged on a read (308): the survivor's path, as in the Location header"),
            @SchemaProperty(name = "contactId", type = SchemaType.STRING, format = "uuid",
                    description = "contact-merged, contact-anonymised in a merge: which of the contacts it is"),
            @SchemaProperty(name = "reason", type = SchemaType.STRING,
                    enumeration = {"ALREADY_UNDONE", "LATER_MERGE", "SURVIVOR_MERGED_SINCE", "MERGED_CONTACT_CHANGED", "ERASED_SINCE", "POINTS_SPENT"},
                    description = "merge-not-undoable: why the merge cannot be undone"),
            @SchemaProperty(name = "code", type = SchemaType.STRING,
                    description = "import-unreadable, import-undo-blocked: why, as a code the web app translates (EMPTY, NO_ROWS, "
                            + "NOT_TABULAR, BAD_ENCODING, BROKEN_XLSX, XLS_NOT_SUPPORTED, TOO_MANY_ROWS, TOO_WIDE, TOO_LARGE; UNDO_EXPIRED, "
                            + "HAS_RECORDS, CHANGED_SINCE)")
        })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(required = true, examples = "urn:guanxi:problem:validation") String type,
        @Schema(required = true, examples = "Validation failed") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(examples = "The request has invalid fields") String detail,
        @Schema(examples = "/api/v1/contacts") String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    /** A record the request may duplicate (documentation of the {@code duplicates} extension member). */
    @Schema(name = "DuplicateMatch")
    public record Duplicate(
            @Schema(required = true) java.util.UUID id,
            @Schema(required = true, description = "The field that matched", examples = "mobile") String matchedOn,
            @Schema(required = true, description = "False when it is another rep's contact you may not open") boolean visibleToYou) {
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
