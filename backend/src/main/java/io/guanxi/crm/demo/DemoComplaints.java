package io.guanxi.crm.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Demo complaints for the service agent: a dozen customers' complaints spread over the steps before the
 * follow-up, received over the last two days (some past their SLA, which the first scan flags and
 * escalates), each with its intake on record.
 */
@ApplicationScoped
public class DemoComplaints {

    @Inject
    DemoRepository demo;

    @Inject
    Clock clock;

    public void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            demo.insertComplaints(clock.instant());
        });
    }
}
