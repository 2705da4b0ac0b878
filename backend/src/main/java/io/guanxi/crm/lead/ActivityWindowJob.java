package io.guanxi.crm.lead;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Interactions age out of the activity window with no event; this job makes scores follow. */
@ApplicationScoped
public class ActivityWindowJob {

    private static final Logger LOG = Logger.getLogger(ActivityWindowJob.class);

    @Inject
    LeadService leads;

    @Inject
    Clock clock;

    @Scheduled(identity = "lead-activity-window", every = "${guanxi.leads.window-rescore-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void slide() {
        int moved = leads.slideWindow(clock.instant());
        if (moved > 0) {
            LOG.infof("Sliding activity window: %d lead scores moved", moved);
        }
    }
}
