package io.guanxi.crm.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevKeyGuardTest {

    private static String problem(Optional<String> location) {
        return DevKeyGuard.problemWith(location, DevKeyGuard.DEV_PRIVATE_KEY, "SMALLRYE_JWT_SIGN_KEY_LOCATION");
    }

    @Test
    void refusesTheRepositoryKeyWhereverItIsCopied() throws Exception {
        assertTrue(problem(Optional.of("classpath:" + DevKeyGuard.DEV_PRIVATE_KEY)).contains("DEV-ONLY"));
        assertTrue(problem(Optional.of(DevKeyGuard.DEV_PRIVATE_KEY)).contains("DEV-ONLY"));
        Path copy = Files.createTempFile("copied-dev-key", ".pem");
        try (var in = getClass().getClassLoader().getResourceAsStream(DevKeyGuard.DEV_PRIVATE_KEY)) {
            Files.write(copy, in.readAllBytes());
        }
        assertTrue(problem(Optional.of(copy.toString())).contains("DEV-ONLY"));
    }

    @Test
    void refusesMissingOrUnreadableKeys() {
        assertTrue(problem(Optional.empty()).contains("is not set"));
        assertTrue(problem(Optional.of("/no/such/key.pem")).contains("cannot be read"));
    }

    @Test
    void acceptsAProductionKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = Files.createTempFile("prod-key", ".pem");
        Files.writeString(file, pem);
        assertNull(problem(Optional.of(file.toString())));
    }
}
