package io.guanxi.crm.user;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.security.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * On the first start (no user at all), creates the {@code admin} account from
 * {@code GUANXI_ADMIN_PASSWORD}. A production instance refuses to start without it or with a weak one.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        String password = checkedPassword(config.admin().password(), config.security().insecureDefaultsAllowed());
        User admin = new User();
        admin.id = Ids.newId();
        admin.username = ADMIN_USERNAME;
        admin.displayName = "Administrator";
        admin.passwordHash = hasher.hash(password);
        admin.roles = EnumSet.of(Role.ADMIN);
        admin.createdAt = admin.updatedAt = clock.instant();
        users.persist(admin);
        LOG.infof("Created the first admin account '%s'", ADMIN_USERNAME);
    }

    /** The password to use, or why the service must not start. */
    static String checkedPassword(Optional<String> configured, boolean insecureDefaultsAllowed) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            throw new IllegalStateException(
                    "No user exists yet: set GUANXI_ADMIN_PASSWORD to create the first admin account");
        }
        String weakness = PasswordPolicy.weakness(configured.get(), ADMIN_USERNAME);
        if (weakness != null) {
            if (!insecureDefaultsAllowed) {
                throw new IllegalStateException("GUANXI_ADMIN_PASSWORD is too weak: it " + weakness);
            }
            LOG.warnf("The admin password is weak (it %s); acceptable only for demo and development", weakness);
        }
        return configured.get();
    }
}
