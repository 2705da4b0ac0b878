package io.guanxi.crm.platform.audit.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "The hash chain recomputed from the first entry to the last")
public record AuditVerification(
        @Schema(required = true, description = "Every entry links to the one before it and its hash matches its content") boolean ok,
        @Schema(required = true, description = "Entries checked (up to the first broken one)") long checked,
        @Schema(nullable = true, description = "The first entry whose link or hash does not match (altered, or the entry before it deleted)")
        Long firstBrokenSeq,
        @Schema(nullable = true, description = "The last entry of the chain; note it with lastHash to detect a cut-off tail later")
        Long lastSeq,
        @Schema(nullable = true) String lastHash) {
}
