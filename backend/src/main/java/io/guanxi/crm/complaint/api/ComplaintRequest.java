package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.ComplaintCategory;
import io.guanxi.crm.complaint.ComplaintChannel;
import io.guanxi.crm.complaint.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint as it comes in. Without an assignee, the least-loaded service agent takes it. */
@Schema(name = "ComplaintRequest")
public record ComplaintRequest(
        @NotNull UUID contactId,
        @NotNull ComplaintChannel channel,
        @NotNull ComplaintCategory category,
        @NotNull Severity severity,
        @NotBlank @Size(max = 4000) @Schema(examples = "订购的培训教材晚到一周，耽误了开课") String description,
        @Schema(description = "The purchase it is about, if any") UUID relatedPurchaseId,
        @Schema(description = "A service agent; managers choose, agents may take it themselves") UUID assigneeId) {
}
