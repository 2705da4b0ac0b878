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
    SessionRepository sessions;

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
        sessions.persist(session);
        return issue(session, user, now);
    }

    /** Rotates the refresh token; 401 when it is unknown, rotated, revoked or its session timed out. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Issued refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw sessionEnded();
        }
        RefreshToken token = sessions.findTokenForUpdate(hash(refreshToken)).orElseThrow(SessionService::sessionEnded);
        AuthSession session = sessions.findForUpdate(token.sessionId).orElseThrow();
        Instant now = clock.instant();
        if (session.revokedAt != null) {
            throw sessionEnded();
        }
        if (token.rotatedAt != null && token.rotatedAt.plus(config.sessions().reuseGrace()).isBefore(now)) {
            // A replay after the grace is theft: the whole session ends.
            revoke(List.of(session), now);
            throw sessionEnded();
        }
        // Within the grace a rotated token is answered again: two tabs refreshed at once, or the answer to
        // the first use never arrived (a phone dropped the connection, the page reloaded) — before, that
        // browser kept a spent cookie and its person was signed out.
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
        if (token.rotatedAt == null) {
            token.rotatedAt = now; // the grace runs from the first use, however often it is answered
        }
        session.lastUsedAt = now;
        return issue(session, user, now);
    }

    /** Signs out: the session of this refresh token (rotated or not) ends. Unknown tokens change nothing. */
    @Transactional
    public void signOut(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        sessions.findToken(hash(refreshToken)).ifPresent(token -> {
            AuthSession session = sessions.findForUpdate(token.sessionId).orElseThrow();
            if (session.revokedAt == null) {
                revoke(List.of(session), clock.instant());
            }
        });
    }

    /** The user's live sessions, newest first; {@code current} marks the caller's own. */
    @Transactional
    public PageResponse<SessionResponse> list(UUID userId, UUID currentSessionId, Integer page, Integer size, String sort) {
        users.find(userId);
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "createdAt,desc");
        Instant now = clock.instant();
        Instant activeSince = now.minus(config.sessions().idleTimeout());
        SessionRepository.Page live = sessions.live(userId, now, activeSince, paging);
        return new PageResponse<>(live.items().stream().map(s -> toResponse(s, currentSessionId)).toList(),
                paging.page(), paging.size(), live.total());
    }

    /** Ends one of the user's sessions; 404 when the user has no such session (or it already ended). */
    @Transactional
    public void revoke(UUID userId, UUID sessionId) {
        AuthSession session = sessions.findForUpdate(sessionId).orElse(null);
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
        revoke(sessions.unrevokedOf(userId), clock.instant());
    }

    private void revoke(List<AuthSession> ended, Instant now) {
        if (ended.isEmpty()) {
            return;
        }
        ended.forEach(s -> s.revokedAt = now);
        revoked.fire(new SessionsRevoked(ended.stream().map(s -> s.id).toList()));
    }

    private Issued issue(AuthSession session, User user, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(refreshToken);
        stored.sessionId = session.id;
        stored.issuedAt = now;
        sessions.persist(stored);
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
