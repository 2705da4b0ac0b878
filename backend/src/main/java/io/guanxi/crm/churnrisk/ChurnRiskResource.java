package io.guanxi.crm.churnrisk;

import io.guanxi.crm.churnrisk.api.AtRiskCustomer;
import io.guanxi.crm.churnrisk.api.ChurnRiskPolicyRequest;
import io.guanxi.crm.churnrisk.api.ChurnRiskPolicyResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
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

@Path("/api/v1/churn")
@Tag(name = ApiTags.CHURN_RISK)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChurnRiskResource {

    @Inject
    ChurnRiskService service;

    @Inject
    ChurnRiskPolicies policies;

    @Inject
    ChurnRiskRecompute recompute;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/at-risk")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The at-risk list",
            description = "Scored customers, highest risk first, each with its top three reasons (codes and params the app puts into "
                    + "words). A rep sees their own customers; managers and admins everyone's, optionally one owner's.")
    public PageResponse<AtRiskCustomer> listAtRiskCustomers(
            @Parameter(description = "Only this level") @QueryParam("level") ChurnRiskLevel level,
            @Parameter(description = "Only customers of this owner") @QueryParam("ownerId") UUID ownerId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "score (default, desc) | name | computedAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(level, ownerId, page, size, sort);
    }

    @GET
    @Path("/risk/policy")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The churn-risk policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ChurnRiskPolicyResponse.class)))
    public Response getChurnRiskPolicy() {
        ChurnRiskPolicyResponse policy = ChurnRiskPolicies.toResponse(policies.current());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/risk/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the churn-risk policy (admins)",
            description = "Needs If-Match with the ETag of the policy read. Saves the next version; scores follow at the next recompute.")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = ChurnRiskPolicyResponse.class)))
    public Response changeChurnRiskPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChurnRiskPolicyRequest request) {
        ChurnRiskPolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Path("/risk/recompute")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Recompute every customer's churn risk (admins)",
            description = "What the nightly run does (guanxi.churn-risk.recompute-cron), as a background job: 202 with Location "
                    + "/api/v1/jobs/{id}. While one runs, another is refused (409, runningJobId).")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = JobResponse.class)))
    @APIResponse(responseCode = "409", description = "job-already-running: follow runningJobId instead")
    public Response recomputeChurnRisk(UriInfo uri) {
        JobResponse job = recompute.start(currentUser.id());
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(job.id().toString()).build()).build();
    }
}
