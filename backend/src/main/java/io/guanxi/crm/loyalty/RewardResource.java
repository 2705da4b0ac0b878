package io.guanxi.crm.loyalty;

import io.guanxi.crm.loyalty.api.RewardRequest;
import io.guanxi.crm.loyalty.api.RewardResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1/rewards")
@Tag(name = ApiTags.LOYALTY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardResource {

    @Inject
    RewardService service;

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT, Role.Names.INTEGRATOR})
    @Operation(summary = "The rewards catalog", description = "Cheapest first. available=true: only what can be redeemed now "
            + "(in its window, in stock, not archived).")
    public PageResponse<RewardResponse> listRewards(@QueryParam("available") Boolean available,
            @Parameter(description = "Include archived rewards") @QueryParam("archived") @DefaultValue("false") boolean archived,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "pointsCost (default) | name | createdAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(available, archived, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT, Role.Names.INTEGRATOR})
    @Operation(summary = "A reward", description = "With its version in the ETag header.")
    @APIResponse(responseCode = "200", description = "The reward; ETag carries its version",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    public Response getReward(@PathParam("id") UUID id) {
        RewardResponse reward = service.get(id);
        return Response.ok(reward).tag(IfMatch.etag(reward.version())).build();
    }

    @POST
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Add a reward (managers, admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    public Response createReward(@Valid @NotNull RewardRequest request, UriInfo uri) {
        RewardResponse reward = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(reward.id().toString()).build()).tag(IfMatch.etag(reward.version()))
                .entity(reward).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Change a reward (managers, admins)",
            description = "Send If-Match with the ETag you read (428 without, 412 when stale): redemptions change the stock, "
                    + "so a stale edit can never overwrite one.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    public Response updateReward(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RewardRequest request) {
        RewardResponse reward = service.update(id, ifMatch, request);
        return Response.ok(reward).tag(IfMatch.etag(reward.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Archive a reward", description = "It leaves the catalog; past redemptions keep it.")
    public RewardResponse archiveReward(@PathParam("id") UUID id) {
        return service.archive(id, true);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/restore")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Bring an archived reward back")
    public RewardResponse restoreReward(@PathParam("id") UUID id) {
        return service.archive(id, false);
    }
}
