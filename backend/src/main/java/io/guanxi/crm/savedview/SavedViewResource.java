package io.guanxi.crm.savedview;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.savedview.api.SavedViewRequest;
import io.guanxi.crm.savedview.api.SavedViewResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/views")
@Tag(name = ApiTags.VIEWS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class SavedViewResource {

    @Inject
    SavedViewService service;

    @GET
    @Operation(summary = "List saved views",
            description = "Your views and the views shared with the team, of the lists your role works with (service "
                    + "agents have no lead list), by name; `isDefault` marks your default of each list.")
    public PageResponse<SavedViewResponse> listSavedViews(@Parameter(description = "Only the views of this list") @QueryParam("list") SavedViewList list,
            @QueryParam("page") Integer page, @Parameter(description = "1–200 (default 20)") @QueryParam("size") Integer size,
            @Parameter(description = "name (default) | createdAt | updatedAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(list, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a saved view", description = "Yours or a shared one; another user's private view is 404.")
    @APIResponse(responseCode = "200", description = "The view; ETag carries its version",
            content = @Content(schema = @Schema(implementation = SavedViewResponse.class)))
    public Response getSavedView(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), service.get(id));
    }

    @POST
    @Operation(summary = "Save a view",
            description = "Saves a list's query under a name (unique among your views of that list, 50 per list at most). "
                    + "`query` holds only the list's own parameters (400 names the allowed ones). Only managers and admins "
                    + "may share a view with the team (403).")
    @APIResponse(responseCode = "201", description = "Saved; Location names it",
            content = @Content(schema = @Schema(implementation = SavedViewResponse.class)))
    @APIResponse(responseCode = "409", description = "You already have a view of this list with that name, or 50 of them")
    public Response createSavedView(@Valid @NotNull SavedViewRequest request, UriInfo uri) {
        SavedViewResponse created = service.create(request);
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a saved view",
            description = "Renames it, replaces its query, shares or un-shares it (managers and admins). Only its owner may "
                    + "(403 for a shared view of someone else). Send If-Match with its ETag: without it 428, stale 412. "
                    + "Un-sharing drops it as other people's default.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = SavedViewResponse.class)))
    @APIResponse(responseCode = "409", description = "You already have a view of this list with that name")
    public Response updateSavedView(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SavedViewRequest request) {
        return withEtag(Response.ok(), service.update(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a saved view",
            description = "Only its owner may. Send If-Match with its ETag (428 without, 412 when stale). It stops being "
                    + "anyone's default.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteSavedView(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/default")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Make a view your default",
            description = "Your default of the view's list (yours or a shared one), opened when you come to the list without "
                    + "a query; it replaces your previous default of that list. Not an edit of the view: no If-Match.")
    @APIResponse(responseCode = "204", description = "It is your default now")
    public Response setDefaultSavedView(@PathParam("id") UUID id) {
        service.makeDefault(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/default")
    @Operation(summary = "Stop using a view as your default", description = "Harmless when it was not your default.")
    @APIResponse(responseCode = "204", description = "It is not your default")
    public Response clearDefaultSavedView(@PathParam("id") UUID id) {
        service.clearDefault(id);
        return Response.noContent().build();
    }

    private static Response withEtag(Response.ResponseBuilder builder, SavedViewResponse view) {
        return builder.tag(IfMatch.etag(view.version())).entity(view).build();
    }
}
