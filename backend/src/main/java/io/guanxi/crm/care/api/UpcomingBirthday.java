package io.guanxi.crm.care.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's birthday in the coming week. */
@Schema(name = "UpcomingBirthday")
public record UpcomingBirthday(
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String name,
        @Schema(required = true, description = "The day of the birthday this time (29 February falls on the 28th in other years)")
        LocalDate date,
        @Schema(nullable = true, description = "The age they turn; empty when the birthday is known without the year") Integer turns,
        @Schema(required = true, description = "The birthday is today") boolean today) {
}
