package io.guanxi.crm.care;

import io.guanxi.crm.care.api.UpcomingBirthday;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The care feature's published birthdays: the caller's own customers whose birthday (with or without its
 * year) falls in the coming week, for the today page. 29 February falls on the 28th in other years, as in
 * the care scan.
 */
@ApplicationScoped
public class CareBirthdays {

    /** Today and the six days after it. */
    public static final int WEEK = 7;

    @Inject
    CareRepository care;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    /** The caller's customers with a birthday in the week from today (business time zone), nearest first. */
    @Transactional
    public Slice<UpcomingBirthday> mineThisWeek(Instant now, int limit) {
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(config.zone()));
        List<Tuple> rows = care.birthdaysBetween(currentUser.id(), today, today.plusDays(WEEK - 1), limit);
        long total = rows.isEmpty() ? 0 : Rows.longValue(rows.get(0), "total");
        return Slice.of(total, rows.stream().map(r -> {
            LocalDate day = Rows.localDate(r, "day");
            LocalDate born = Rows.localDate(r, "born");
            return new UpcomingBirthday(Rows.uuid(r, "id"), Rows.string(r, "name"), day,
                    born == null ? null : day.getYear() - born.getYear(), day.isEqual(today));
        }).toList());
    }
}
