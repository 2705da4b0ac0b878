package io.guanxi.crm.platform.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bearer token's signature is verified once and the result reused until the token expires; a token
 * that differs in any byte is verified afresh, and only verified tokens are remembered.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://guanxi-crm.local/issuer";

    @Inject
    VerifiedTokenCache cache;

    private static String token(String subject, long expiresAt) {
        return Jwt.issuer(ISSUER).subject(subject).upn("cache.test").groups(Set.of("ADMIN"))
                .issuedAt(Instant.now().getEpochSecond()).expiresAt(expiresAt).sign();
    }

    @Test
    void aVerifiedTokenIsRememberedAndReusedUntilItExpires() throws Exception {
        String token = token(UUID.randomUUID().toString(), Instant.now().getEpochSecond() + 600);
        int before = cache.size();
        var first = cache.parse(token);
        assertEquals(before + 1, cache.size());
        assertSame(first, cache.parse(token), "the second parse reuses the verification");
        assertEquals(before + 1, cache.size());
    }

    @Test
    void alteredForgedUnsignedAndExpiredTokensAreNeverAnsweredFromTheCache() throws Exception {
        long now = Instant.now().getEpochSecond();
        String subject = UUID.randomUUID().toString();
        String good = token(subject, now + 600);
        cache.parse(good);
        int remembered = cache.size();
        String[] parts = good.split("\\.");

        // The same header and claims with the first signature character changed (every bit of it is signature: the last
        // one of an RS256 signature carries only two, and 'A' for 'B' there decodes to the same bytes one run in 16).
        char first = parts[2].charAt(0);
        String badSignature = parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + parts[2].substring(1);
        // Other claims (another subject) under the cached token's signature.
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(subject, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        // The same claims signed by a key the service does not know, and unsigned.
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(ISSUER).subject(subject).upn("cache.test").groups(Set.of("ADMIN"))
                .issuedAt(now).expiresAt(now + 600).sign(generator.generateKeyPair().getPrivate());
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String expired = token(subject, now - 3600);

        for (String bad : new String[] {badSignature, otherClaims, forged, unsigned, expired}) {
            assertThrows(ParseException.class, () -> cache.parse(bad));
            given().auth().oauth2(bad).get("/api/v1/me").then().statusCode(401);
        }
        assertEquals(remembered, cache.size(), "nothing that failed verification is remembered");
    }

    @Test
    void theServiceChecksBearerTokensThroughTheCache() {
        String token = Api.adminToken();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        int after = cache.size();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertEquals(after, cache.size(), "a token seen before adds no entry");
        String fresh = Api.newUser(Role.SALES_REP).token();
        given().auth().oauth2(fresh).get("/api/v1/me").then().statusCode(200);
        assertEquals(after + 1, cache.size(), "a new token is verified once and remembered");
    }
}
