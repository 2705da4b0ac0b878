package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.loyalty.EntryKind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PointsEntry", description = "One line of the statement; entries are never changed")
public record PointsEntryResponse(
        @Schema(required = true) long id,
        @Schema(required = true) EntryKind kind,
        @Schema(required = true, description = "Signed: credits positive, debits negative") long points,
        @Schema(required = true) long balanceAfter,
        @Schema(required = true, description = "What a reversal could not take back") long shortfall,
        @Schema(required = true, description = "PURCHASE, PURCHASE_REFUNDED, REDEMPTION, REDEMPTION_CANCELLED, MANAGER_ADJUSTMENT, "
                + "LOTS_EXPIRED, REFERRAL, REFERRAL_REVERSED, DEBT_SETTLED") String cause,
        UUID purchaseId,
        UUID refundId,
        UUID redemptionId,
        String rewardName,
        @Schema(description = "For redemption entries: COMPLETED or CANCELLED", enumeration = {"COMPLETED", "CANCELLED"})
        String redemptionState,
        UUID referredContactId,
        String reason,
        UUID actorId,
        String actorName,
        @Schema(description = "For credits: when these points expire") Instant expiresAt,
        @Schema(required = true) Instant createdAt) {
}
