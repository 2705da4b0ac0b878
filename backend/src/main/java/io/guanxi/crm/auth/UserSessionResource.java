package io.guanxi.crm.auth;

import io.guanxi.crm.auth.api.SessionResponse;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins see and revoke any user's web app sessions (a lost laptop, a leaving employee). */
@Path("/api/v1/users/{userId}/sessions")
@Tag(name = ApiTags.USERS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class UserSessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "List a user's sessions", description = "The user's live web app sessions. Admins only.")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = "application/problem+json"))
    public PageResponse<SessionResponse> listUserSessions(@PathParam("userId") UUID userId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "createdAt|lastUsedAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return sessions.list(userId, currentUser.sessionId().orElse(null), page, size, sort);
    }

    @DELETE
    @Operation(summary = "Revoke all of a user's sessions",
            description = "Signs the user out of the web app everywhere. Admins only. Plain bearer tokens are voided "
                    + "by a password reset or a deactivation instead.")
    @APIResponse(responseCode = "204", description = "Revoked (also when there was none)")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = "application/problem+json"))
    public Response revokeUserSessions(@PathParam("userId") UUID userId) {
        sessions.revokeAll(userId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(summary = "Revoke a user's session", description = "Signs that session out at once. Admins only.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such user or live session of that user",
            content = @Content(mediaType = "application/problem+json"))
    public Response revokeUserSession(@PathParam("userId") UUID userId, @PathParam("sessionId") UUID sessionId) {
        sessions.revoke(userId, sessionId);
        return Response.noContent().build();
    }
}
