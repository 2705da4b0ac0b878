package io.guanxi.crm.churn;

import io.guanxi.crm.churn.api.ChurnInvestigationRequest;
import io.guanxi.crm.churn.api.ChurnPolicyRequest;
import io.guanxi.crm.churn.api.ChurnPolicyResponse;
import io.guanxi.crm.churn.api.ChurnRecordResponse;
import io.guanxi.crm.churn.api.ChurnReviewRequest;
import io.guanxi.crm.churn.api.ChurnReviewResponse;
import io.guanxi.crm.churn.api.ChurnReviewSummary;
import io.guanxi.crm.churn.api.ChurnRuleResult;
import io.guanxi.crm.platform.http.IfMatch;
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
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/churn")
@Tag(name = ApiTags.CHURN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChurnResource {

    @Inject
    ChurnPolicies policies;

    @Inject
    ChurnService churn;

    @Inject
    ChurnReviews reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The churn policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ChurnPolicyResponse.class)))
    public Response getChurnPolicy() {
        ChurnPolicyResponse policy = ChurnPolicies.toResponse(policies.current());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the churn policy (admins)",
            description = "Needs If-Match with the ETag of the policy read. Creates the next version; customers already churned stay churned.")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = ChurnPolicyResponse.class)))
    public Response changeChurnPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChurnPolicyRequest request) {
        ChurnPolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Path("/rule")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Run the churn rule now (admins)",
            description = "What the daily job does: churns every customer (PURCHASE or LOYALTY) with no purchase for the policy's months, "
                    + "cause unknown, and gives each owner a CHURN_INVESTIGATION activity. A customer is churned once, however often "
                    + "and however concurrently it runs.")
    public ChurnRuleResult runChurnRule() {
        return churn.runRule(clock.instant());
    }

    @GET
    @Path("/records/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "One churn", description = "A rep sees the churns of their own customers; others answer 404.")
    @APIResponse(responseCode = "200", description = "The churn; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ChurnRecordResponse.class)))
    public Response getChurnRecord(@PathParam("id") UUID id) {
        ChurnRecordResponse record = churn.get(id);
        return Response.ok(record).tag(IfMatch.etag(record.version())).build();
    }

    @PUT
    @Path("/records/{id}/investigation")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record the cause and the analysis of a churn",
            description = "Needs If-Match with the churn's ETag. The owner rep, managers and admins; refused (409 conflict, "
                    + "title Review closed) once the month's review is closed.")
    @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = ChurnRecordResponse.class)))
    @APIResponse(responseCode = "409", description = "conflict: the month's review is closed")
    public Response investigateChurn(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChurnInvestigationRequest request) {
        ChurnRecordResponse record = churn.investigate(id, ifMatch, request);
        return Response.ok(record).tag(IfMatch.etag(record.version())).build();
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Monthly churn reviews, newest first",
            description = "Managers and admins see team figures; a rep counts over their own customers and no team figures.")
    public PageResponse<ChurnReviewSummary> listChurnReviews(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reviews.list(page, size);
    }

    @POST
    @Path("/reviews")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Produce a month's churn review now (admins)",
            description = "What the job does on the 1st of each month for the month before. Idempotent: a review that exists is returned "
                    + "as it is. The month must have ended (business time zone).")
    @APIResponse(responseCode = "200", description = "The review; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ChurnReviewResponse.class)))
    public Response produceChurnReview(@Valid @NotNull ChurnReviewRequest request) {
        ChurnReviewResponse review = reviews.produce(request.month());
        return Response.ok(review).tag(IfMatch.etag(review.version())).build();
    }

    @GET
    @Path("/reviews/{month}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "A month's churn review",
            description = "The churned customers with cause and analysis, counts by cause (normal/abnormal), by rep and by ABC tier, and "
                    + "the churn rate (churned ÷ customers at the start of the month). A rep sees their own customers' entries.")
    @APIResponse(responseCode = "200", description = "The review; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ChurnReviewResponse.class)))
    public Response getChurnReview(@Parameter(description = "yyyy-MM", example = "2026-10") @PathParam("month") String month) {
        ChurnReviewResponse review = reviews.get(month);
        return Response.ok(review).tag(IfMatch.etag(review.version())).build();
    }

    @POST
    @Path("/reviews/{month}/close")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Close a month's churn review (managers)",
            description = "Needs If-Match with the review's ETag. Refused (409 illegal-transition, Review incomplete) while any "
                    + "entry lacks a cause or an analysis. A closed review and its entries are read-only.")
    @APIResponse(responseCode = "200", description = "Closed; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = ChurnReviewResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: entries lack a cause or an analysis (title Review incomplete, "
            + "the detail says how many), or the review is closed already")
    public Response closeChurnReview(@PathParam("month") String month, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ChurnReviewResponse review = reviews.close(month, ifMatch);
        return Response.ok(review).tag(IfMatch.etag(review.version())).build();
    }
}
