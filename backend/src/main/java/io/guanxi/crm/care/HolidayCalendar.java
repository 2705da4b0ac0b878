package io.guanxi.crm.care;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The Gregorian dates of the holidays in a year. Lunar festivals come from {@code cn.6tail:lunar},
 * which follows the official Chinese calendar tables (春节 2027 is 6 February; an astronomical
 * calendar such as ICU4J's says the 7th, because the new moon falls just before midnight in Beijing).
 */
public final class HolidayCalendar {

    /** The years the lunar tables are checked for here; the library covers more. */
    public static final int FIRST_YEAR = 1901;
    public static final int LAST_YEAR = 2099;

    private HolidayCalendar() {
    }

    public record Holiday(Occasion occasion, LocalDate date) {
    }

    /** Every holiday of this Gregorian year, in date order. A lunar festival of lunar year Y falls in Gregorian year Y. */
    public static List<Holiday> holidays(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year outside " + FIRST_YEAR + "–" + LAST_YEAR + ": " + year);
        }
        return Arrays.stream(Occasion.values()).filter(Occasion::holiday)
                .map(occasion -> new Holiday(occasion, dateIn(occasion, year)))
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .toList();
    }

    private static LocalDate dateIn(Occasion occasion, int year) {
        if (occasion.calendar() == Occasion.Calendar.SOLAR) {
            return LocalDate.of(year, occasion.month(), occasion.day());
        }
        Solar solar = Lunar.fromYmd(year, occasion.month(), occasion.day()).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
