package io.guanxi.crm.privacy.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequestStep", description = "A note on a step: how identity was verified, or what was done to fulfil it "
        + "(required for CORRECTION, WITHDRAWAL and EXPLANATION, which are done elsewhere)")
public record PrivacyRequestStep(@Size(max = 2000) @Schema(examples = "身份证后四位与来电号码核对一致") String note) {
}
