package io.guanxi.crm.auth;

import io.guanxi.crm.auth.api.SessionResponse;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserAccessChanged;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Web app sessions (OWASP, same-origin SPA): a sign-in opens a session and hands out a short access
 * token and a refresh token; each refresh exchanges the refresh token for a new one (rotation). A
 * rotated token presented again means it was copied: the whole session is revoked. Sessions end
 * after the idle and absolute timeouts, on sign-out, and all at once when the user's access changes.
 */
@ApplicationScoped
public class SessionService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "s.createdAt", "lastUsedAt", "s.lastUsedAt");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int USER_AGENT_MAX = 256;

    /** What a sign-in or refresh hands out: the access token for the body, the refresh token for the cookie. */
    public record Issued(TokenResponse accessToken, String refreshToken, Duration refreshLifetime) {
    }

    @Inject
    TokenService tokens;

    @Inject
    UserService users;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<SessionsRevoked> revoked;

    @Transactional
    public Issued signIn(TokenRequest request, String address, String userAgent) {
        User user = tokens.authenticate(request, address);
        Instant now = clock.instant();
        AuthSession session = new AuthSession();
        session.id = Ids.newId();
        session.userId = user.id;
        session.createdAt = session.lastUsedAt = now;
        session.expiresAt = now.plus(config.sessions().absoluteTimeout());
        session.userAgent = userAgent == null ? null : clean(userAgent, USER_AGENT_MAX);
        session.address = address == null ? null : clean(address, 64);
        session.persist();
        return issue(session, user, now);
    }

    /** Rotates the refresh token; 401 when it is unknown, rotated, revoked or its session timed out. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Issued refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw sessionEnded();
        }
        RefreshToken token = RefreshToken.findById(hash(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw sessionEnded();
        }
        AuthSession session = AuthSession.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (session.revokedAt != null) {
            throw sessionEnded();
        }
        if (token.rotatedAt != null) {
            // Two tabs refreshing at once present the same token; only a later replay is theft.
            if (token.rotatedAt.plus(config.sessions().reuseGrace()).isBefore(now)) {
                revoke(List.of(session), now);
            }
            throw sessionEnded();
        }
        boolean idle = !session.lastUsedAt.plus(config.sessions().idleTimeout()).isAfter(now);
        if (idle || !session.expiresAt.isAfter(now)) {
            revoke(List.of(session), now);
            throw sessionEnded();
        }
        User user = users.find(session.userId);
        if (!user.active) {
            revoke(List.of(session), now);
            throw sessionEnded();
        }
        token.rotatedAt = now;
        session.lastUsedAt = now;
        return issue(session, user, now);
    }

    /** Signs out: the session of this refresh token (rotated or not) ends. Unknown tokens change nothing. */
    @Transactional
    public void signOut(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        RefreshToken token = RefreshToken.findById(hash(refreshToken));
        if (token != null) {
            AuthSession session = AuthSession.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
            if (session.revokedAt == null) {
                revoke(List.of(session), clock.instant());
            }
        }
    }

    /** The user's live sessions, newest first; {@code current} marks the caller's own. */
    @Transactional
    public PageResponse<SessionResponse> list(UUID userId, UUID currentSessionId, Integer page, Integer size, String sort) {
        users.find(userId);
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "createdAt,desc");
        Instant now = clock.instant();
        Instant activeSince = now.minus(config.sessions().idleTimeout());
        String where = " where s.userId = :user and s.revokedAt is null and s.expiresAt > :now and s.lastUsedAt > :since";
        var params = io.quarkus.panache.common.Parameters.with("user", userId).and("now", now).and("since", activeSince);
        long total = AuthSession.count("from AuthSession s" + where, params);
        List<AuthSession> sessions = AuthSession.<AuthSession>find("select s from AuthSession s" + where
                + " order by " + paging.orderBySql() + ", s.id", params).page(paging.page(), paging.size()).list();
        return new PageResponse<>(sessions.stream().map(s -> toResponse(s, currentSessionId)).toList(),
                paging.page(), paging.size(), total);
    }

    /** Ends one of the user's sessions; 404 when the user has no such session (or it already ended). */
    @Transactional
    public void revoke(UUID userId, UUID sessionId) {
        AuthSession session = AuthSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.userId.equals(userId) || session.revokedAt != null) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        revoke(List.of(session), clock.instant());
    }

    /** Ends every session of the user. */
    @Transactional
    public void revokeAll(UUID userId) {
        users.find(userId);
        revokeAllOf(userId);
    }

    /** A role change, password reset or deactivation ends every session, in the same transaction. */
    void onAccessChanged(@Observes UserAccessChanged change) {
        revokeAllOf(change.userId());
    }

    private void revokeAllOf(UUID userId) {
        List<AuthSession> live = AuthSession.list("userId = ?1 and revokedAt is null", userId);
        revoke(live, clock.instant());
    }

    private void revoke(List<AuthSession> sessions, Instant now) {
        if (sessions.isEmpty()) {
            return;
        }
        sessions.forEach(s -> s.revokedAt = now);
        revoked.fire(new SessionsRevoked(sessions.stream().map(s -> s.id).toList()));
    }

    private Issued issue(AuthSession session, User user, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(refreshToken);
        stored.sessionId = session.id;
        stored.issuedAt = now;
        stored.persist();
        TokenResponse access = tokens.accessToken(user, config.sessions().accessTokenLifetime(), session.id);
        return new Issued(access, refreshToken, Duration.between(now, session.expiresAt));
    }

    private static SessionResponse toResponse(AuthSession s, UUID currentSessionId) {
        return new SessionResponse(s.id, s.createdAt, s.lastUsedAt, s.expiresAt, s.userAgent, s.address,
                s.id.equals(currentSessionId));
    }

    /** Header text as stored: control characters (NUL included) dropped, bounded. */
    private static String clean(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "");
        return printable.length() > max ? printable.substring(0, max) : printable;
    }

    private static String hash(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException sessionEnded() {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                "The session has ended; sign in again");
    }
}
