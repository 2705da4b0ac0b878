package io.guanxi.crm.savedview.api;

import io.guanxi.crm.savedview.SavedViewList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved view as its reader sees it: whether it is theirs and whether it is their default for its list. */
@Schema(name = "SavedView")
public record SavedViewResponse(@Schema(required = true) UUID id, @Schema(required = true) SavedViewList list,
        @Schema(required = true) String name, @Schema(required = true) Map<String, List<String>> query,
        @Schema(required = true) boolean shared,
        @Schema(required = true, description = "You own it: you may rename, change, share (managers) or delete it") boolean mine,
        @Schema(description = "Who made it") String ownerName,
        @Schema(required = true, description = "Your default view of its list") boolean isDefault,
        @Schema(required = true) long version, @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
