package io.guanxi.crm.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A valid token is refused, as if it were bad, when its user is deactivated or deleted, or when it
 * was issued before the user's last role change or password reset (an older token generation).
 */
@ApplicationScoped
public class ActiveUserAugmentor implements SecurityIdentityAugmentor {

    /** The claim that carries the user's token generation. */
    public static final String GENERATION_CLAIM = "gen";

    @Inject
    UserStatusCache status;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        UUID userId;
        try {
            userId = UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token subject is not a user id"));
        }
        // Known and fresh: decided here, on the event loop; only a miss costs a worker thread and a read.
        Optional<UserStatusCache.Status> remembered = status.remembered(userId);
        if (remembered.isPresent()) {
            try {
                return Uni.createFrom().item(check(identity, jwt, remembered.get()));
            } catch (AuthenticationFailedException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return context.runBlocking(() -> check(identity, jwt, status.status(userId)));
    }

    private static SecurityIdentity check(SecurityIdentity identity, JsonWebToken jwt, UserStatusCache.Status user) {
        if (!user.active()) {
            throw new AuthenticationFailedException("user is inactive or unknown");
        }
        if (generationOf(jwt) != user.tokenGeneration()) {
            throw new AuthenticationFailedException("token predates the user's last access change");
        }
        return identity;
    }

    /** Tokens issued before generations existed carry none: generation 0, valid until the first change. */
    private static long generationOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(GENERATION_CLAIM);
        if (claim == null) {
            return 0;
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        throw new AuthenticationFailedException("token generation is not a number");
    }
}
