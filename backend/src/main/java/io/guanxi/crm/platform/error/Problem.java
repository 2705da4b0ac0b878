package io.guanxi.crm.platform.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every 4xx and 5xx response. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(required = true, examples = "urn:guanxi:problem:validation") String type,
        @Schema(required = true, examples = "Validation failed") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(examples = "The request has invalid fields") String detail,
        @Schema(examples = "/api/v1/contacts") String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

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
