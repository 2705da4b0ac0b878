package io.guanxi.crm.winback;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.winback.api.WinbackActRequest;
import io.guanxi.crm.winback.api.WinbackEventResponse;
import io.guanxi.crm.winback.api.WinbackOutcomeRequest;
import io.guanxi.crm.winback.api.WinbackPlanRequest;
import io.guanxi.crm.winback.api.WinbackPlanResponse;
import io.guanxi.crm.winback.api.WinbackTargetResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/winback-plans")
@Tag(name = ApiTags.WINBACK)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WinbackResource {


    @Inject
    WinbackPlans plans;

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Win-back plans",
            description = "Managers and admins see every plan; a sales rep the plans they own or that reach their customers. "
                    + "Sorted by check date unless asked otherwise.")
    public PageResponse<WinbackPlanResponse> listWinbackPlans(@QueryParam("state") WinbackState state, @QueryParam("ownerId") UUID ownerId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "checkDate, createdAt or name, with ,asc or ,desc") @QueryParam("sort") String sort) {
        return plans.list(state, ownerId, page, size, sort);
    }

    @POST
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Plan a win-back (managers)",
            description = "PLAN: the customers (each one you may see, not archived), the goal (win back goalPercent within goalDays of "
                    + "the start), the actions and script, the owner and the check date.")
    @APIResponse(responseCode = "201", description = "Planned; ETag carries its version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    public Response createWinbackPlan(@Valid @NotNull WinbackPlanRequest request, UriInfo uri) {
        WinbackPlanResponse created = plans.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).tag(IfMatch.etag(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "A win-back plan with its figures")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    public Response getWinbackPlan(@PathParam("id") UUID id) {
        WinbackPlanResponse plan = plans.get(id);
        return Response.ok(plan).tag(IfMatch.etag(plan.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Change a plan still in PLAN (managers or its owner)")
    @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: the plan has started")
    public Response updateWinbackPlan(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WinbackPlanRequest request) {
        return withEtag(plans.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "DO: start the plan (managers or its owner)",
            description = "Puts a WINBACK activity on each customer's owner's list (the plan's owner's when the customer's owner does "
                    + "not sell), due within 7 days or by the check date. Won back counts from now.")
    @APIResponse(responseCode = "200", description = "The plan in DO; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition, or no customer left to win back")
    public Response startWinbackPlan(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(plans.start(id, ifMatch));
    }

    @POST
    @Path("/{id}/check")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "CHECK: measure the result against the goal (managers or its owner)",
            description = "A customer is won back when they bought (and kept it) after the start, within goalDays. The figures are "
                    + "kept as measured today.")
    @APIResponse(responseCode = "200", description = "The plan in CHECK; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Response checkWinbackPlan(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(plans.check(id, ifMatch));
    }

    @POST
    @Path("/{id}/act")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "ACT: record what changes and perhaps open the next cycle (managers or its owner)",
            description = "With nextCycle, a new plan in PLAN (cycle + 1) takes the customers not won back.")
    @APIResponse(responseCode = "200", description = "The plan in ACT; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition, or nextCycle with every customer won back")
    public Response actOnWinbackPlan(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WinbackActRequest request) {
        return withEtag(plans.act(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Cancel a plan not yet started (managers or its owner)")
    @APIResponse(responseCode = "200", description = "The plan, CANCELLED; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = WinbackPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: the plan has started")
    public Response cancelWinbackPlan(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(plans.cancel(id, ifMatch));
    }

    @GET
    @Path("/{id}/targets")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The plan's customers you may see, with outcomes and who was won back")
    public PageResponse<WinbackTargetResponse> listWinbackTargets(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return plans.targets(id, page, size);
    }

    @PUT
    @Path("/{id}/targets/{targetId}/outcome")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record what approaching the customer came to (while the plan is in DO)",
            description = "Needs If-Match with the target's version (its ETag). The customer's owner or a manager.")
    @APIResponse(responseCode = "200", description = "The target; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = WinbackTargetResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: the plan is not in DO")
    public Response recordWinbackOutcome(@PathParam("id") UUID id, @PathParam("targetId") UUID targetId,
            @Parameter(description = "The target's version, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull WinbackOutcomeRequest request) {
        WinbackTargetResponse target = plans.recordOutcome(id, targetId, ifMatch, request);
        return Response.ok(target).tag(IfMatch.etag(target.version())).build();
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The plan's state changes: who and when")
    public List<WinbackEventResponse> listWinbackEvents(@PathParam("id") UUID id) {
        return plans.events(id);
    }

    private static Response withEtag(WinbackPlanResponse plan) {
        return Response.ok(plan).tag(IfMatch.etag(plan.version())).build();
    }
}
