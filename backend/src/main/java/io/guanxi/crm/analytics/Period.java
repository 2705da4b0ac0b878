package io.guanxi.crm.analytics;

import io.guanxi.crm.platform.error.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * Days {@code from} to {@code to}, both included, in the business time zone. The period before it is
 * the same number of calendar months before it when it is whole months (a month, a quarter, a year:
 * October beside November, Q3 beside Q4), else the same number of days right before it.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period a figure covers: five years, what the archives keep (SPEC §1). */
    static final long MAX_DAYS = 5 * 366;

    public Period {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "a period is at most five years");
        }
    }

    static Period of(PeriodPreset preset, LocalDate from, LocalDate to, LocalDate today) {
        if (preset != PeriodPreset.CUSTOM && (from != null || to != null)) {
            throw ProblemException.invalidField("period", "from and to go with period=CUSTOM only");
        }
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate year = today.withDayOfYear(1);
        return switch (preset) {
            case THIS_MONTH -> new Period(month, month.plusMonths(1).minusDays(1));
            case LAST_MONTH -> new Period(month.minusMonths(1), month.minusDays(1));
            case THIS_QUARTER -> new Period(quarter, quarter.plusMonths(3).minusDays(1));
            case LAST_QUARTER -> new Period(quarter.minusMonths(3), quarter.minusDays(1));
            case THIS_YEAR -> new Period(year, year.plusYears(1).minusDays(1));
            case LAST_YEAR -> new Period(year.minusYears(1), year.minusDays(1));
            case CUSTOM -> {
                if (from == null || to == null) {
                    throw ProblemException.invalidField(from == null ? "from" : "to", "is required with period=CUSTOM");
                }
                yield new Period(from, to);
            }
        };
    }

    /** The period to compare with: the same length right before this one. */
    public Period previous() {
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
        if (wholeMonths) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new Period(from.minusMonths(months), from.minusDays(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    /** The first instant of the period. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
