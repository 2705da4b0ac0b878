package io.guanxi.crm.user;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Usernames cannot be told apart by login time: an unknown username takes the same path as a wrong
 * password (one bcrypt verification) against a decoy hash of the same cost as real hashes.
 */
@QuarkusTest
class LoginTimingTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    GuanxiConfig config;

    @Inject
    MeterRegistry meters;

    @Test
    void theDecoyHashHasTheCostOfRealHashes() {
        String cost = String.format("$%02d$", config.security().bcryptCost());
        String decoy = hasher.decoyHash();
        String real = hasher.hash("Some-Passw0rd!x");
        assertEquals(real.substring(0, 7), decoy.substring(0, 7), "same bcrypt variant and cost");
        assertTrue(decoy.substring(3).startsWith(cost), decoy.substring(0, 7));
        assertEquals(decoy, hasher.decoyHash(), "computed once");
    }

    @Test
    void anUnknownUsernameIsVerifiedLikeAWrongPassword() {
        var rep = Api.newUser(Role.SALES_REP);
        double before = checks();
        login(rep.username(), "wrong-password-1");
        double afterWrongPassword = checks();
        login("nobody-" + UUID.randomUUID(), "wrong-password-1");
        double afterUnknownUser = checks();
        assertEquals(1, afterWrongPassword - before, "a wrong password costs one verification");
        assertEquals(1, afterUnknownUser - afterWrongPassword, "an unknown username costs one verification too");
    }

    private double checks() {
        return meters.counter(PasswordHasher.CHECKS_METRIC).count();
    }

    private static void login(String username, String password) {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2." + (1 + Math.floorMod(username.hashCode(), 250)))
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(401);
    }
}
