package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.ComplaintCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the four steps and the rest of the workflow. */
public final class StepRequests {

    private StepRequests() {
    }

    @Schema(name = "AcknowledgeRequest", description = "Step 1: what the agent said to show they listened")
    public record Acknowledge(
            @NotBlank @Size(max = 2000) @Schema(examples = "非常理解您的着急，耽误开课确实让人很困扰，我来跟进。") String message) {
    }

    @Schema(name = "IdentifyCauseRequest", description = "Step 2: the apology and the cause it is attributed to")
    public record IdentifyCause(
            @NotBlank @Size(max = 2000) @Schema(examples = "非常抱歉给您带来不便。") String apology,
            @NotNull ComplaintCategory cause,
            @NotBlank @Size(max = 2000) @Schema(examples = "我们的物流合作方在转运中心延误了包裹。") String explanation) {
    }

    @Schema(name = "OfferSolutionsRequest", description = "Step 3: two or three options for the customer")
    public record OfferSolutions(
            @NotNull @Size(max = 3) @Schema(description = "Two or three options", examples = "[\"全额退款\", \"加急补发\", \"100 元代金券\"]")
            List<@NotBlank @Size(max = 200) String> options) {
    }

    @Schema(name = "ResolveRequest", description = "The option the customer chose (1-based), carried out")
    public record Resolve(
            @NotNull @Min(1) @Max(3) Integer chosenOption,
            @NotBlank @Size(max = 2000) @Schema(examples = "已安排顺丰加急补发，单号 SF1234567890") String note,
            @Min(0) @Max(100_000) @Schema(description = "Loyalty points given as compensation (written to the customer's ledger). "
                    + "Agents up to guanxi.loyalty.agent-compensation-limit, managers more.", examples = "200") Integer compensationPoints) {
    }

    @Schema(name = "FollowUpRequest", description = "Step 4: the call-back, within 24 hours of the resolution")
    public record FollowUp(
            @NotNull @Min(1) @Max(5) Integer satisfaction,
            @Size(max = 2000) @Schema(examples = "客户表示满意，已收到补发教材") String comment) {
    }

    @Schema(name = "ReopenRequest")
    public record Reopen(@NotBlank @Size(max = 2000) String reason) {
    }
}
