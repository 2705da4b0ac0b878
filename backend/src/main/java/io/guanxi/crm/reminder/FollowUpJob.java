package io.guanxi.crm.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Looks for leads nobody has been in touch with, hourly. */
@ApplicationScoped
public class FollowUpJob {

    @Inject
    ReminderService reminders;

    @Inject
    Clock clock;

    @Scheduled(every = "${guanxi.reminders.scan-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        reminders.remindStaleLeads(clock.instant());
    }
}
