package io.guanxi.crm.churn.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnReviewRequest", description = "Produce the review of a month that has ended (admins)")
public record ChurnReviewRequest(
        @NotNull @Size(max = 7) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") @Schema(description = "The month, yyyy-MM", examples = "2026-10")
        String month) {
}
