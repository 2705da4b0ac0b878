package io.guanxi.crm.today.api;

import io.guanxi.crm.activity.api.ActivityResponse;
import io.guanxi.crm.care.api.UpcomingBirthday;
import io.guanxi.crm.complaint.api.UrgentComplaint;
import io.guanxi.crm.contact.api.QuietCustomer;
import io.guanxi.crm.lead.api.WaitingLead;
import io.guanxi.crm.platform.paging.Slice;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A working day in one answer: what everyone has (overdue, due today, the week ahead), then each role's
 * own section; a section the caller's roles do not have is absent.
 */
@Schema(name = "Today")
public record TodayResponse(
        @Schema(required = true) Instant asOf,
        @Schema(required = true, description = "Today in the business time zone") LocalDate day,
        @Schema(required = true) Slice<ActivityResponse> overdue,
        @Schema(required = true) Slice<ActivityResponse> dueToday,
        @Schema(required = true, description = "Open activities due in the 7 days after today, counted up to 1000") long nextSevenDays,
        @Schema(description = "Sales reps: their leads nobody has contacted yet, highest score first") Slice<WaitingLead> newLeads,
        @Schema(description = "Sales reps: their customers not contacted for longer than the care period") Slice<QuietCustomer> quietCustomers,
        @Schema(description = "Sales reps: their customers whose birthday (with or without the year) falls in the week from today, "
                + "nearest first") Slice<UpcomingBirthday> birthdays,
        @Schema(description = "Service agents: their open complaints and unassigned ones, nearest deadline first")
        Slice<UrgentComplaint> complaints,
        @Schema(description = "Managers and admins: the team") TeamToday team) {
}
