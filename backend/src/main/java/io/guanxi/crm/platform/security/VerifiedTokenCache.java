package io.guanxi.crm.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token's RS256 signature and claims once, then remembers the verified token until
 * it expires, so a client's later requests with the same token skip the signature check (issue 21:
 * the check was most of an authenticated request's cost).
 *
 * <p>Safe because the key is a SHA-256 of the whole token text: a token that differs in any byte (a
 * forged or altered signature, header or claim, {@code alg: none}) hashes elsewhere and is verified in
 * full; only tokens that passed verification are remembered; and a remembered token is used only
 * while the time is before its {@code exp} (stricter than the verifier, which allows clock skew
 * past it; both read the system clock). What a token may do beyond its signature (its web session
 * still live, its user still active, its generation current) is not decided here: the security
 * augmentors check that on every request, cached token or not, so revocation and deactivation take
 * effect exactly as fast as before. Bounded: past {@link #MAX_ENTRIES} expired entries are dropped,
 * and if that is not enough, all of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final int MAX_ENTRIES = 20_000;

    private record Entry(JsonWebToken token, long expiresAtSeconds) {
    }

    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser verifier;

    /** The one call the bearer-token check makes: verify with the configured key, or reuse a verification. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        ByteBuffer key = ByteBuffer.wrap(sha256(token));
        long now = System.currentTimeMillis() / 1000;
        Entry entry = entries.get(key);
        if (entry != null) {
            if (now < entry.expiresAtSeconds()) {
                return entry.token();
            }
            entries.remove(key, entry);
        }
        JsonWebToken verified = verifier.parse(token);
        long expiresAt = verified.getExpirationTime();
        if (now < expiresAt) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> e.expiresAtSeconds() <= now);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry(verified, expiresAt));
        }
        return verified;
    }

    int size() {
        return entries.size();
    }

    // Every other way in (another key, another context, no verification) is passed on untouched.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    private static byte[] sha256(String token) {
        try {
            // Every char as its two bytes: no charset replaces anything, so different texts never share a key.
            ByteBuffer chars = ByteBuffer.allocate(token.length() * 2);
            for (int i = 0; i < token.length(); i++) {
                chars.putChar(token.charAt(i));
            }
            return MessageDigest.getInstance("SHA-256").digest(chars.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
