package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserService;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Exchanges a username and password for a signed RS256 access token. */
@ApplicationScoped
public class TokenService {

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    @Inject
    GuanxiConfig config;

    public TokenResponse issue(TokenRequest request, String clientAddress) {
        Optional<Duration> locked = throttle.lockedFor(request.username(), clientAddress);
        if (locked.isPresent()) {
            throw tooManyAttempts(locked.get());
        }
        Optional<User> user = users.authenticate(request.username(), request.password());
        if (user.isEmpty()) {
            throw failed(request.username(), clientAddress);
        }
        throttle.succeeded(request.username(), clientAddress);
        Duration lifetime = config.jwt().lifetime();
        User u = user.get();
        String token = Jwt.upn(u.username)
                .subject(u.id.toString())
                .groups(u.roles.stream().map(Enum::name).collect(Collectors.toSet()))
                .claim("name", u.displayName)
                .expiresIn(lifetime)
                .sign();
        return new TokenResponse(token, "Bearer", lifetime.toSeconds());
    }

    private ProblemException failed(String username, String clientAddress) {
        throttle.failed(username, clientAddress);
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                "Wrong username or password");
    }

    private static ProblemException tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many attempts",
                "Too many failed logins; try again in " + seconds + " seconds", java.util.List.of(),
                Map.of("retryAfterSeconds", seconds));
    }
}
