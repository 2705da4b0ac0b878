package io.guanxi.crm.auth;

import io.guanxi.crm.platform.security.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        return context.runBlocking(() -> {
            UUID sessionId;
            try {
                sessionId = CurrentUser.sessionIdOf(jwt).orElseThrow();
            } catch (RuntimeException e) {
                throw new AuthenticationFailedException("token session is not an id");
            }
            if (!sessions.isLive(sessionId)) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }
}
