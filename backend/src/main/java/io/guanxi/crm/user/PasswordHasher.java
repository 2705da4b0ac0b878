package io.guanxi.crm.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt password hashes. The cost is configurable so tests can use a cheap one. */
@ApplicationScoped
public class PasswordHasher {

    /** A valid hash of a random password: checked when the username is unknown, so timing does not tell. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-" + System.nanoTime(), 10);

    @ConfigProperty(name = "guanxi.security.bcrypt-cost", defaultValue = "12")
    int cost;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash);
    }
}
