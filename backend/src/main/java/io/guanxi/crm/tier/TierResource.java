package io.guanxi.crm.tier;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.tier.api.TierPolicyRequest;
import io.guanxi.crm.tier.api.TierPolicyResponse;
import io.guanxi.crm.tier.api.TierReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tiers")
@Tag(name = ApiTags.TIERS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TierResource {

    @Inject
    TierService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "The current tiering policy",
            description = "Window, ABC method and cut-offs, ABCD thresholds, membership levels and the CLV lifetime.")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = TierPolicyResponse.class)))
    public Response getTierPolicy() {
        TierPolicyResponse policy = service.currentResponse();
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the tiering policy",
            description = "Needs If-Match with the ETag of the policy read. Saves the next version; it applies from the next recompute. Cut-offs are cumulative percentages "
                    + "(A until 70 % of revenue, B until 95 %; or with RANK_SHARE A the top 15 %, B until 50 %).")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = TierPolicyResponse.class)))
    public Response changeTierPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull TierPolicyRequest request) {
        TierPolicyResponse policy = service.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/recompute")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Recompute every customer's tier",
            description = "Starts a background job (202 with Location /api/v1/jobs/{id}); follow its progress there. Set-based, "
                    + "writes only customers whose values changed, and records every tier and level movement. review=true is "
                    + "the periodic review: levels may also go down. While a recompute runs, another is refused (409, runningJobId).")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = JobResponse.class)))
    @APIResponse(responseCode = "409", description = "job-already-running: follow runningJobId instead")
    public Response recomputeTiers(@Parameter(description = "Periodic review: levels may go down") @QueryParam("review") @DefaultValue("false") boolean review,
            UriInfo uri) {
        JobResponse job = service.startRecompute(review, currentUser.id());
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/report")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "The latest tiering report",
            description = "Customers per tier with their real share of customers and of revenue (e.g. A: 12 % of customers, 74 % "
                    + "of revenue), the ABCD quadrant with recommended actions and a heat map, levels, and movements since the run before.")
    @APIResponse(responseCode = "404", description = "No recompute has finished yet")
    @APIResponse(responseCode = "200", description = "The report of the last finished recompute", content = @Content(schema = @Schema(implementation = TierReport.class)))
    public TierReport getTierReport() {
        return service.latestReport();
    }
}
