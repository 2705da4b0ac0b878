package io.guanxi.crm.contact;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One lifecycle transition: from, to, why (CREATED, EDITED, LEAD_CONVERTED, PURCHASE_RECORDED), by whom, when. */
@Schema(name = "StageChange")
public record StageChange(
        LifecycleStage fromStage,
        @Schema(required = true) LifecycleStage toStage,
        @Schema(required = true) String cause,
        UUID changedBy,
        @Schema(required = true) Instant changedAt) {
}
