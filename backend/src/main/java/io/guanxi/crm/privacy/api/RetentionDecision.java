package io.guanxi.crm.privacy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetentionDecision")
public record RetentionDecision(
        @NotBlank @Size(max = 500) @Schema(required = true, description = "Why: recorded with who and when", examples = "五年未联系，无未结业务")
        String reason) {
}
