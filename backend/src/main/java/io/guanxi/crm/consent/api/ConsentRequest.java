package io.guanxi.crm.consent.api;

import io.guanxi.crm.consent.ConsentChannel;
import io.guanxi.crm.consent.ConsentDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grant or a withdrawal to record; who recorded it and when are the caller and now. */
@Schema(name = "ConsentRequest")
public record ConsentRequest(
        @NotBlank @Size(max = 40) @Schema(required = true, description = "The purpose's code", examples = "MARKETING") String purpose,
        @NotNull @Schema(required = true) ConsentDecision decision,
        @NotNull @Schema(required = true) ConsentChannel channel,
        @Size(max = 1000) @Schema(description = "What shows it: the form, the call, the message", examples = "电话回访时口头同意，通话录音 2026-11-30")
        String evidence) {
}
