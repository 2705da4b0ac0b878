package io.guanxi.crm.lead.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A website (or landing page, or campaign) form as an integrator posts it. Mobile or email is required. */
@Schema(name = "LeadCaptureRequest")
public record LeadCaptureRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "王磊") String name,
        @Size(max = 32) @Schema(description = "Mainland mobile or international +digits; mobile or email is required",
                examples = "139 1234 5678") String mobile,
        @Email @Size(max = 254) @Schema(examples = "wang.lei@example.cn") String email,
        @Size(max = 200) @Schema(examples = "苏州工业园电子有限公司") String company,
        @Size(max = 100) @Schema(examples = "企业培训课程") String productInterest,
        @Size(max = 64) @Schema(examples = "科技") String industry,
        Region region,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @Size(max = 4000) @Schema(description = "What the person wrote in the form") String message,
        @Schema(description = "WEBSITE when omitted") SourceChannel sourceChannel,
        @Schema(description = "The person ticked marketing consent (PIPL); false when omitted") Boolean marketingConsent) {
}
