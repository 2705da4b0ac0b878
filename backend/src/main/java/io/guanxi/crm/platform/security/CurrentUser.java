package io.guanxi.crm.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject (the user id), name, roles and web session. */
@RequestScoped
public class CurrentUser {

    /** The claim that ties a web app access token to its session. */
    public static final String SESSION_CLAIM = "sid";

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

    /** The web session of the calling token; empty for integrators' plain bearer tokens. */
    public Optional<UUID> sessionId() {
        return identity.isAnonymous() ? Optional.empty() : sessionIdOf(jwt);
    }

    public static Optional<UUID> sessionIdOf(JsonWebToken token) {
        Object claim = token.getClaim(SESSION_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim instanceof JsonString string ? string.getString() : claim.toString();
        return Optional.of(UUID.fromString(value));
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
