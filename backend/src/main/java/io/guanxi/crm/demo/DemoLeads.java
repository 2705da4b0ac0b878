package io.guanxi.crm.demo;

import io.guanxi.crm.lead.LeadRescoring;
import io.guanxi.crm.lead.ScoreCause;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Demo leads: about a quarter of the demo contacts get an open lead owned by their rep, and twenty
 * website-form prospects held by the demo integrator wait unassigned in the queues, so the lead inbox,
 * the queues and the claim flow have something to show. Scored by the real rescoring statement.
 */
@ApplicationScoped
public class DemoLeads {

    private static final String PRODUCTS = "ARRAY['企业培训课程', 'CRM 软件订阅', '年度咨询服务', '智能仓储方案', '会员营销套餐']";

    @Inject
    DemoRepository demo;

    @Inject
    LeadRescoring rescoring;

    @Inject
    Clock clock;

    public void seed(UUID integrator) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            demo.insertLeadsOfOwnedContacts(PRODUCTS, now);
            demo.insertWebsiteProspects(PRODUCTS, integrator, now);
            rescoring.rescoreAllOpen(1, ScoreCause.CREATED, now);
            demo.queueHighScorers();
        });
    }
}
