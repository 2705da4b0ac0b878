package io.guanxi.crm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A client that is not a trusted proxy cannot choose its address with X-Forwarded-For. The test profile
 * trusts forwarded headers from 127.0.0.1 only (as production trusts its proxies only), so a client
 * connecting from 127.0.0.2 is an untrusted one: its rotating X-Forwarded-For must not give it a fresh
 * per-address counter, and the lock lands on its socket address.
 */
@QuarkusTest
class ForgedForwardedForTest {

    private static final String UNTRUSTED = "127.0.0.2";

    @Inject
    EntityManager em;

    /** A login over a socket bound to the untrusted address; returns the status code. */
    private static int loginFromUntrusted(String forwardedFor, String username) throws IOException {
        String body = "{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port,
                InetAddress.getByName(UNTRUSTED), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 401"
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private Integer failures(String key) {
        java.util.List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT failures FROM login_throttle WHERE throttle_key = ?1").setParameter(1, key).getResultList());
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }

    @Test
    void rotatingXForwardedForFromAnUntrustedClientDoesNotResetItsAddressLock() throws IOException {
        int limit = ConfigProvider.getConfig().getValue("guanxi.security.login.address-max-failures", Integer.class);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1")
                .setParameter(1, LoginThrottle.addressKey(UNTRUSTED)).executeUpdate());
        for (int i = 0; i < limit; i++) {
            // A fresh forged address and a fresh username each time: only the real address can be counted.
            assertEquals(401, loginFromUntrusted("203.0.113." + (i % 250 + 1), "forger-" + UUID.randomUUID()));
        }
        assertEquals(limit, failures(LoginThrottle.addressKey(UNTRUSTED)), "counted on the socket address");
        assertEquals(429, loginFromUntrusted("198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)),
                "forger-" + UUID.randomUUID()), "a new forged address changes nothing");
        assertTrue(failures(LoginThrottle.addressKey("203.0.113.1")) == null, "no counter for a forged address");
    }
}
