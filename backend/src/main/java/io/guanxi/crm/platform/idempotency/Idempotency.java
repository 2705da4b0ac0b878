package io.guanxi.crm.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Idempotency-Key (API.md): the first response of a request with effects is stored in the same
 * transaction as the effects and replayed for a retry with the same key and body; the same key with
 * another body is a 422. A retry that arrives while the first attempt is still running is a 409
 * (idempotency-key-in-flight): the attempt holds a transaction-scoped advisory lock on the key, so
 * the retry neither waits on it nor runs twice; once the first attempt committed a retry replays it,
 * and if it rolled back a retry runs afresh.
 */
@ApplicationScoped
public class Idempotency {

    /** What an operation answered: status, body and Location; {@code replayedJson} is set on a replay. */
    public record Outcome(int status, Object body, URI location, String replayedJson) {
        public static Outcome of(int status, Object body, URI location) {
            return new Outcome(status, body, location, null);
        }

        public boolean replayed() {
            return replayedJson != null;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Runs the operation once per (user, key); without a key it simply runs. Must join the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome once(UUID user, String key, String operation, Object request, Supplier<Outcome> operationBody) {
        if (key == null) {
            return operationBody.get();
        }
        if (key.isBlank() || key.length() > 100) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to 100 characters");
        }
        String hash = hash(operation, request);
        boolean mine = (Boolean) em.createNativeQuery(
                        "SELECT pg_try_advisory_xact_lock(hashtextextended(CAST(:user AS text) || ':' || :key, 0))")
                .setParameter("user", user.toString()).setParameter("key", key).getSingleResult();
        if (!mine) {
            throw new ProblemException(409, ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry after it has finished",
                    List.of(), Map.of());
        }
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_record (user_id, idem_key, operation, request_hash, status, response_body, created_at)
                VALUES (:user, :key, :operation, :hash, 0, '', :now) ON CONFLICT DO NOTHING""")
                .setParameter("user", user).setParameter("key", key).setParameter("operation", operation)
                .setParameter("hash", hash).setParameter("now", clock.instant()).executeUpdate();
        if (claimed == 0) {
            return replay(user, key, operation, hash);
        }
        Outcome outcome = operationBody.get();
        em.createNativeQuery("""
                UPDATE idempotency_record SET status = :status, location = CAST(:location AS varchar), response_body = :body
                WHERE user_id = :user AND idem_key = :key""")
                .setParameter("status", outcome.status())
                .setParameter("location", outcome.location() == null ? null : outcome.location().toString())
                .setParameter("body", write(outcome.body()))
                .setParameter("user", user).setParameter("key", key).executeUpdate();
        return outcome;
    }

    private Outcome replay(UUID user, String key, String operation, String hash) {
        Tuple row = Rows.list(em.createNativeQuery("""
                SELECT operation AS operation, request_hash AS request_hash, status AS status, location AS location,
                       response_body AS response_body FROM idempotency_record
                WHERE user_id = :user AND idem_key = :key""", Tuple.class)
                .setParameter("user", user).setParameter("key", key)).get(0);
        if (!operation.equals(Rows.string(row, "operation")) || !hash.equals(Rows.string(row, "request_hash"))) {
            throw new ProblemException(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request",
                    List.of(), Map.of());
        }
        String location = Rows.string(row, "location");
        return new Outcome(Rows.intValue(row, "status"), null, location == null ? null : URI.create(location),
                Rows.string(row, "response_body"));
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
