package io.guanxi.crm.user;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/** bcrypt password hashes. The cost is configurable so tests can use a cheap one. */
@ApplicationScoped
public class PasswordHasher {

    /** A valid hash of a random password: checked when the username is unknown, so timing does not tell. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-" + System.nanoTime(), 10);

    @Inject
    GuanxiConfig config;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.security().bcryptCost());
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash);
    }
}
