package io.guanxi.crm.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A valid token of a deactivated or deleted user is refused, as if the token were bad. */
@ApplicationScoped
public class ActiveUserAugmentor implements SecurityIdentityAugmentor {

    @Inject
    UserStatusCache status;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            UUID userId;
            try {
                userId = UUID.fromString(jwt.getSubject());
            } catch (RuntimeException e) {
                throw new AuthenticationFailedException("token subject is not a user id");
            }
            if (!status.isActive(userId)) {
                throw new AuthenticationFailedException("user is inactive or unknown");
            }
            return identity;
        });
    }
}
