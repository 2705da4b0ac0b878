package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintStats;
import io.guanxi.crm.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Complaint statistics for a period of received dates, [from, to), by default the last 12 months. */
@ApplicationScoped
public class ComplaintStatsService {

    @Inject
    ComplaintStatsRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public ComplaintStats stats(String from, String to) {
        Instant end = date("to", to, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
        Instant start = date("from", from, end.atOffset(ZoneOffset.UTC).toLocalDate().minusMonths(12));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        return repository.stats(start, end, clock.instant());
    }

    private static Instant date(String name, String value, LocalDate fallback) {
        LocalDate date;
        try {
            date = value == null ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-23");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw ProblemException.invalidField(name, "must be between 0001-01-01 and 9999-12-31");
        }
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
