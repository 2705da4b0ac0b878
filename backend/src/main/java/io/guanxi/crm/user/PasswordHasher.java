package io.guanxi.crm.user;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;

/** bcrypt password hashes. The cost is configurable so tests can use a cheap one. */
@ApplicationScoped
public class PasswordHasher {

    /** Counts bcrypt verifications: one per login attempt, whether or not the username exists. */
    static final String CHECKS_METRIC = "guanxi.password.checks";

    @Inject
    GuanxiConfig config;

    @Inject
    MeterRegistry meters;

    private volatile String decoyHash;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.security().bcryptCost());
    }

    public boolean matches(String password, String hash) {
        meters.counter(CHECKS_METRIC).increment();
        return BcryptUtil.matches(password, hash);
    }

    /**
     * A hash of a random password with the same cost as real hashes, computed once: an unknown
     * username is checked against it, so a login cannot tell by its time whether a username exists.
     */
    public String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            synchronized (this) {
                if (decoyHash == null) {
                    byte[] secret = new byte[24];
                    new SecureRandom().nextBytes(secret);
                    decoyHash = hash(Base64.getEncoder().encodeToString(secret));
                }
                decoy = decoyHash;
            }
        }
        return decoy;
    }
}
