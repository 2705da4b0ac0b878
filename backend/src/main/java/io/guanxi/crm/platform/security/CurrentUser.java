package io.guanxi.crm.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject (the user id), name and roles. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public UUID id() {
        if (identity.isAnonymous() || jwt.getSubject() == null) {
            throw new UnauthorizedException();
        }
        return UUID.fromString(jwt.getSubject());
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    /** Managers and admins act on every record of the team; they may assign owners. */
    public boolean isManagerOrAdmin() {
        return has(Role.ADMIN) || has(Role.MANAGER);
    }
}
