package io.guanxi.crm.care.api;

import io.guanxi.crm.care.Occasion;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Holiday", description = "A holiday and its Gregorian date in the year asked for")
public record HolidayResponse(
        @Schema(required = true, examples = "SPRING_FESTIVAL") Occasion code,
        @Schema(required = true, examples = "2027-02-06") LocalDate date,
        @Schema(required = true, description = "SOLAR: a fixed Gregorian date; LUNAR: a date of the Chinese calendar", examples = "LUNAR") Occasion.Calendar calendar,
        @Schema(required = true, description = "Month and day in that calendar", examples = "1") int month,
        @Schema(required = true, examples = "1") int day) {
}
