package io.guanxi.crm.lead.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.lead.AssignmentStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignmentRule")
public record AssignmentRuleResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) int position,
        @Schema(required = true) String name,
        Region region,
        String industry,
        BigDecimal minScore,
        @Schema(required = true) List<UUID> assigneeIds,
        @Schema(required = true) AssignmentStrategy strategy,
        @Schema(required = true) boolean active,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {
}
