package io.guanxi.crm.platform.security;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a production instance that would sign or verify tokens with the keys committed in
 * the repository (anyone could forge tokens with them) or with no keys at all. Runs before anything
 * else at start, so a refused instance has written nothing (not even the first admin).
 */
@ApplicationScoped
public class DevKeyGuard {

    static final String DEV_PRIVATE_KEY = "dev-keys/DEV-ONLY-NOT-FOR-PRODUCTION-privateKey.pem";
    static final String DEV_PUBLIC_KEY = "dev-keys/DEV-ONLY-NOT-FOR-PRODUCTION-publicKey.pem";

    @Inject
    GuanxiConfig settings;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> signKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> verifyKeyLocation;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (settings.security().insecureDefaultsAllowed()) {
            return;
        }
        String problem = problemWith(signKeyLocation, DEV_PRIVATE_KEY, "SMALLRYE_JWT_SIGN_KEY_LOCATION");
        if (problem == null) {
            problem = problemWith(verifyKeyLocation, DEV_PUBLIC_KEY, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    static String problemWith(Optional<String> location, String devKeyResource, String envName) {
        if (location.isEmpty() || location.get().isBlank()) {
            return envName + " is not set: production needs its own JWT key file (see README, Security)";
        }
        String configured = read(location.get());
        if (configured == null) {
            return envName + " names " + location.get() + ", which cannot be read";
        }
        String devKey = read("classpath:" + devKeyResource);
        if (devKey != null && normalise(devKey).equals(normalise(configured))) {
            return envName + " names the repository's DEV-ONLY key; generate a private key for production";
        }
        return null;
    }

    private static String normalise(String pem) {
        return pem.replaceAll("\\s", "");
    }

    private static String read(String location) {
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try {
            Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (!location.startsWith("classpath:") && Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(resource.replaceFirst("^/", ""))) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
