package io.guanxi.crm.loyalty;

import io.guanxi.crm.loyalty.api.AdjustmentRequest;
import io.guanxi.crm.loyalty.api.LoyaltyPolicyRequest;
import io.guanxi.crm.loyalty.api.LoyaltyPolicyResponse;
import io.guanxi.crm.loyalty.api.PointsAccountResponse;
import io.guanxi.crm.loyalty.api.PointsEntryResponse;
import io.guanxi.crm.loyalty.api.PointsLiability;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.idempotency.IdempotentResponses;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/loyalty")
@Tag(name = ApiTags.LOYALTY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    static final String KEY_DESCRIPTION = "Optional, up to 100 characters. A retry with the same key and body returns the first "
            + "answer (Idempotent-Replayed: true) and changes nothing; the same key with another body is a 422; while the first "
            + "is still running, a 409 (idempotency-key-in-flight).";

    @Inject
    LoyaltyAccounts accounts;

    @Inject
    LoyaltyPolicies policies;

    @Inject
    PointsExpiry expiry;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/accounts/{contactId}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT})
    @Operation(summary = "A customer's points",
            description = "Balance (available, never negative), pending (still in the return window), expiring soon, level and "
                    + "its multiplier. A customer without points has a zero account. Reps: their own customers.")
    public PointsAccountResponse getPointsAccount(@PathParam("contactId") UUID contactId) {
        return accounts.account(contactId);
    }

    @GET
    @Path("/accounts/{contactId}/entries")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT})
    @Operation(summary = "A customer's points statement",
            description = "The ledger, newest first, each entry with the balance after it. Entries are never changed: a "
                    + "correction is a new entry.")
    public PageResponse<PointsEntryResponse> listPointsEntries(@PathParam("contactId") UUID contactId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accounts.statement(contactId, page, size);
    }

    @POST
    @Path("/accounts/{contactId}/adjustments")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Adjust a customer's points (managers)",
            description = "Adds (positive) or deducts (negative) points with a mandatory reason, recorded with who did it. "
                    + "A deduction larger than the balance is a 409 (insufficient-points) and writes nothing.")
    @APIResponse(responseCode = "201", description = "Adjusted; the account after it",
            content = @Content(schema = @Schema(implementation = PointsAccountResponse.class)))
    @APIResponse(responseCode = "409", description = "insufficient-points for a deduction, or idempotency-key-in-flight")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused")
    public Response adjustPoints(@PathParam("contactId") UUID contactId, @Valid @NotNull AdjustmentRequest request,
            @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key) {
        return IdempotentResponses.toResponse(accounts.adjust(contactId, request, key));
    }

    @GET
    @Path("/liability")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Points liability",
            description = "Outstanding points by membership level and their value at the policy's point value, with pending, "
                    + "expiring-soon and written-off points.")
    public PointsLiability getPointsLiability() {
        return accounts.liability();
    }

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "The points policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = LoyaltyPolicyResponse.class)))
    public Response getLoyaltyPolicy() {
        LoyaltyPolicyResponse policy = LoyaltyPolicies.toResponse(policies.current());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the points policy (admins)",
            description = "Needs If-Match with the ETag of the policy read. Creates the next version. Applies to what is earned from now on; points already earned keep "
                    + "their expiry date.")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = LoyaltyPolicyResponse.class)))
    public Response changeLoyaltyPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LoyaltyPolicyRequest request) {
        LoyaltyPolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/expiry")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Expire due points now",
            description = "Runs the nightly expiry as a background job (202, Location /api/v1/jobs/{id}): what is left of every "
                    + "lot past its expiry date becomes one EXPIRE entry per customer. 409 while a run is going.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = JobResponse.class)))
    @APIResponse(responseCode = "409", description = "A run is going: see runningJobId")
    public Response expirePoints(UriInfo uri) {
        JobResponse job = expiry.start(currentUser.id());
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(job.id().toString()).build())
                .build();
    }
}
