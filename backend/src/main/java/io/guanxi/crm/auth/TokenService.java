package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.ActiveUserAugmentor;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserService;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Checks credentials (throttled) and signs RS256 access tokens. */
@ApplicationScoped
public class TokenService {

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    @Inject
    GuanxiConfig config;

    /** A plain bearer token for integrators and scripts (no session, no refresh). */
    public TokenResponse issue(TokenRequest request, String clientAddress) {
        User user = authenticate(request, clientAddress);
        return accessToken(user, config.jwt().lifetime(), null);
    }

    /** The active user with these credentials; 401 otherwise, 429 while the username or address is locked. */
    public User authenticate(TokenRequest request, String clientAddress) {
        Optional<Duration> locked = throttle.lockedFor(request.username(), clientAddress);
        if (locked.isPresent()) {
            throw tooManyAttempts(locked.get());
        }
        Optional<User> user = users.authenticate(request.username(), request.password());
        if (user.isEmpty()) {
            throttle.failed(request.username(), clientAddress);
            throw new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", "Wrong username or password");
        }
        throttle.succeeded(request.username());
        return user.get();
    }

    /** Signs a token carrying the user's roles and token generation, and the session if there is one. */
    public TokenResponse accessToken(User user, Duration lifetime, UUID sessionId) {
        JwtClaimsBuilder claims = Jwt.upn(user.username)
                .subject(user.id.toString())
                .groups(user.roles.stream().map(Enum::name).collect(Collectors.toSet()))
                .claim("name", user.displayName)
                .claim(ActiveUserAugmentor.GENERATION_CLAIM, user.tokenGeneration)
                .expiresIn(lifetime);
        if (sessionId != null) {
            claims.claim(CurrentUser.SESSION_CLAIM, sessionId.toString());
        }
        return new TokenResponse(claims.sign(), "Bearer", lifetime.toSeconds());
    }

    private static ProblemException tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many attempts",
                "Too many failed logins; try again in " + seconds + " seconds", List.of(),
                Map.of("retryAfterSeconds", seconds));
    }
}
