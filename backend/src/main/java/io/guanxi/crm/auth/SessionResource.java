package io.guanxi.crm.auth;

import io.guanxi.crm.auth.api.SessionResponse;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
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

/** The caller's own web app sessions: where they are signed in, and signing one of them out. */
@Path("/api/v1/me/sessions")
@Tag(name = ApiTags.AUTH)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    @GET
    @Authenticated
    @Operation(summary = "List my sessions",
            description = "The caller's live web app sessions (sign-in time, last refresh, browser, address); "
                    + "`current` marks the one this access token belongs to. No token material.")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    public PageResponse<SessionResponse> listMySessions(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "createdAt|lastUsedAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return sessions.list(currentUser.id(), currentUser.sessionId().orElse(null), page, size, sort);
    }

    @DELETE
    @Path("/{sessionId}")
    @Authenticated
    @Operation(summary = "Revoke one of my sessions",
            description = "Signs that session out: its refresh token and access tokens stop working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "You have no such live session",
            content = @Content(mediaType = "application/problem+json"))
    public Response revokeMySession(@PathParam("sessionId") UUID sessionId) {
        sessions.revoke(currentUser.id(), sessionId);
        return Response.noContent().build();
    }
}
