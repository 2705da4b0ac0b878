package io.guanxi.crm.care;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** The days a care scan looks at: today up to {@code daysBefore} days ahead, and the enabled holidays in them. */
record CareWindow(ZoneId zone, LocalDate today, LocalDate horizon, List<HolidayCalendar.Holiday> holidays) {

    static CareWindow of(LocalDate today, ZoneId zone, CarePolicy policy) {
        LocalDate horizon = today.plusDays(policy.daysBefore);
        List<HolidayCalendar.Holiday> holidays = Stream.of(today.getYear(), horizon.getYear()).distinct()
                .flatMap(year -> HolidayCalendar.holidays(year).stream())
                .filter(h -> policy.occasions.contains(h.occasion().name()))
                .filter(h -> !h.date().isBefore(today) && !h.date().isAfter(horizon))
                .toList();
        return new CareWindow(zone, today, horizon, holidays);
    }
}
