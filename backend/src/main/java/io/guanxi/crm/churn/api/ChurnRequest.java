package io.guanxi.crm.churn.api;

import io.guanxi.crm.churn.ChurnCause;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRequest", description = "Mark a customer as churned by hand; the cause may be left for the investigation")
public record ChurnRequest(
        @Schema(description = "Why the customer left, when known; absent: the owner gets an investigation activity")
        ChurnCause cause,
        @Size(max = 2000) @Schema(description = "What is known so far (the investigation's analysis)",
                examples = "客户搬迁到外地，不再需要本地服务") String note) {
}
