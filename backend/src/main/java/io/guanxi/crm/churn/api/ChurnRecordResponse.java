package io.guanxi.crm.churn.api;

import io.guanxi.crm.churn.ChurnCause;
import io.guanxi.crm.churn.ChurnMethod;
import io.guanxi.crm.contact.LifecycleStage;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRecord", description = "One churn of one customer; stays as history when the customer buys again")
public record ChurnRecordResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String contactName,
        @Schema(required = true) Instant churnedAt,
        @Schema(required = true, description = "The review month it belongs to (business time zone), yyyy-MM") String month,
        @Schema(required = true) ChurnMethod method,
        @Schema(required = true, description = "The stage the customer left") LifecycleStage fromStage,
        @Schema(required = true, description = "The owner when the customer churned") UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(nullable = true, description = "The ABC tier when the customer churned") String abcTier,
        @Schema(nullable = true, description = "Null while unknown") ChurnCause cause,
        @Schema(nullable = true, description = "Whether the cause is a normal one; null while unknown") Boolean normal,
        @Schema(nullable = true) String analysis,
        @Schema(nullable = true) UUID investigatedBy,
        @Schema(nullable = true) String investigatedByName,
        @Schema(nullable = true) Instant investigatedAt,
        @Schema(nullable = true, description = "Who marked it by hand; null for the rule") UUID recordedBy,
        @Schema(nullable = true, description = "The first purchase after the churn: the customer came back") Instant wonBackAt,
        @Schema(required = true, description = "True when its month's review is closed: read-only") boolean reviewClosed,
        @Schema(required = true) long version) {
}
