package io.guanxi.crm.demo;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.PasswordHasher;
import io.guanxi.crm.user.Seniority;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo users of every role, a few hundred contacts with interactions, leads, purchases and complaints, seeded once: when the demo
 * users already exist nothing is written again.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** username, display name, role, seniority; README lists them. */
    static final List<Object[]> USERS = List.of(
            new Object[] {"manager.wang", "王经理", Role.MANAGER, null},
            new Object[] {"rep.zhang", "张晓明", Role.SALES_REP, Seniority.SENIOR},
            new Object[] {"rep.li", "李娜", Role.SALES_REP, Seniority.JUNIOR},
            new Object[] {"rep.chen", "陈磊", Role.SALES_REP, Seniority.JUNIOR},
            new Object[] {"agent.zhao", "赵敏", Role.SERVICE_AGENT, null},
            new Object[] {"web.form", "官网表单", Role.INTEGRATOR, null});

    @Inject
    GuanxiConfig config;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    DemoContactRepository generator;

    @Inject
    DemoLeads demoLeads;

    @Inject
    DemoPurchases demoPurchases;

    @Inject
    DemoComplaints demoComplaints;

    @Inject
    DemoLoyalty demoLoyalty;

    @Inject
    DemoCampaigns demoCampaigns;

    @Inject
    DemoChurn demoChurn;

    @Inject
    DemoRepository demoRepository;

    @Inject
    Clock clock;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo().enabled()) {
            seed();
        }
    }

    public void seed() {
        List<UUID> reps = QuarkusTransaction.requiringNew().call(() -> {
            if (users.findByUsername("rep.zhang").isPresent()) {
                return List.<UUID>of();
            }
            String hash = hasher.hash(config.demo().password());
            return USERS.stream().map(row -> createUser(row, hash)).filter(u -> u.roles.contains(Role.SALES_REP))
                    .map(u -> u.id).toList();
        });
        if (reps.isEmpty()) {
            LOG.info("Demo data already present");
            return;
        }
        generator.generate(config.demo().contacts(), reps, 8, 0.42);
        demoLeads.seed(QuarkusTransaction.requiringNew().call(() -> users.findByUsername("web.form").orElseThrow().id));
        demoPurchases.seed();
        demoComplaints.seed();
        UUID manager = QuarkusTransaction.requiringNew().call(() -> users.findByUsername("manager.wang").orElseThrow().id);
        demoLoyalty.seed(manager);
        demoCampaigns.seed(manager);
        demoChurn.seed();
        int answers = QuarkusTransaction.requiringNew().call(() -> demoRepository.insertNpsAnswers(clock.instant()));
        LOG.infof("Seeded %d NPS answers over six months", answers);
        LOG.infof("Seeded demo users and %d contacts; every demo password is '%s'", config.demo().contacts(),
                config.demo().password());
    }

    private User createUser(Object[] row, String passwordHash) {
        User user = new User();
        user.id = Ids.newId();
        user.username = (String) row[0];
        user.displayName = (String) row[1];
        user.roles = EnumSet.of((Role) row[2]);
        user.seniority = (Seniority) row[3];
        user.passwordHash = passwordHash;
        user.createdAt = user.updatedAt = clock.instant();
        users.persist(user);
        return user;
    }
}
