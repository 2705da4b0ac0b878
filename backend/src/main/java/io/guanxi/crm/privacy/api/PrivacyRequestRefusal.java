package io.guanxi.crm.privacy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequestRefusal")
public record PrivacyRequestRefusal(
        @NotBlank @Size(max = 2000) @Schema(required = true, description = "Why it is refused (PIPL Art. 50: the person is told the reason)",
                examples = "无法核实申请人身份") String reason) {
}
