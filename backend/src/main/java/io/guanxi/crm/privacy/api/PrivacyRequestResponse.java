package io.guanxi.crm.privacy.api;

import io.guanxi.crm.privacy.RequestChannel;
import io.guanxi.crm.privacy.RequestKind;
import io.guanxi.crm.privacy.RequestState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequest")
public record PrivacyRequestResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(description = "The customer's name; empty once anonymised") String contactName,
        @Schema(required = true, description = "The customer's data was erased") boolean contactAnonymised,
        @Schema(required = true) RequestKind kind,
        @Schema(required = true) RequestState state,
        @Schema(required = true) RequestChannel channel,
        @Schema(nullable = true, description = "What the customer asked; erased with the customer") String details,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true, description = "Answer by this day (guanxi.privacy.request-due-days after receipt)") LocalDate dueOn,
        @Schema(required = true, description = "Open and past its due day") boolean overdue,
        @Schema(required = true) UUID registeredBy,
        String registeredByName,
        UUID verifiedBy,
        Instant verifiedAt,
        @Schema(nullable = true, description = "How the person's identity was checked") String verification,
        @Schema(description = "Who fulfilled or refused it") UUID handledBy,
        String handledByName,
        Instant handledAt,
        @Schema(nullable = true, description = "What was done (corrections, withdrawals, explanations are done elsewhere and noted here)") String note,
        @Schema(nullable = true) String refusalReason,
        @Schema(required = true, description = "An ACCESS request's copy can be downloaded from /export") boolean exportAvailable,
        @Schema(nullable = true, description = "Rows erased by a DELETION request") Integer rowsAnonymised,
        @Schema(required = true, description = "What may be done next: VERIFY, FULFIL, REFUSE") List<String> allowedActions,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {
}
