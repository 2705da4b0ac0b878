package io.guanxi.crm.auth;

import io.guanxi.crm.platform.security.CurrentUser;
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

/** A web app access token stops working as soon as its session is signed out or revoked. */
@ApplicationScoped
public class SessionAugmentor implements SecurityIdentityAugmentor {

    @Inject
    SessionStatusCache sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !jwt.containsClaim(CurrentUser.SESSION_CLAIM)) {
            return Uni.createFrom().item(identity);
        }
        UUID sessionId;
        try {
            sessionId = CurrentUser.sessionIdOf(jwt).orElseThrow();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token session is not an id"));
        }
        // Known and fresh: answered here, on the event loop; only a miss costs a worker thread and a read.
        Optional<Boolean> remembered = sessions.remembered(sessionId);
        if (remembered.isPresent()) {
            return remembered.get() ? Uni.createFrom().item(identity) : ended();
        }
        return context.runBlocking(() -> {
            if (!sessions.isLive(sessionId)) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }

    private static Uni<SecurityIdentity> ended() {
        return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
    }
}
