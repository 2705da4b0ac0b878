package io.guanxi.crm.care.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HolidayCalendar", description = "The holidays of a Gregorian year, in date order")
public record HolidayCalendarResponse(@Schema(required = true, examples = "2027") int year, @Schema(required = true) List<HolidayResponse> holidays) {
}
