package io.guanxi.crm.privacy;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.privacy.api.RetentionDecision;
import io.guanxi.crm.privacy.api.RetentionReviewResponse;
import io.guanxi.crm.privacy.api.RetentionRun;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/privacy/retention")
@Tag(name = ApiTags.PRIVACY_REQUESTS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class RetentionResource {

    @Inject
    RetentionReviews reviews;

    @GET
    @Operation(summary = "The retention review (admins)",
            description = "Customers with no contact (created, interaction, purchase) for guanxi.privacy.retention.no-contact-years "
                    + "(5, never fewer) years, as listed by the monthly job; longest silent first.")
    public PageResponse<RetentionReviewResponse> listRetentionReviews(@QueryParam("state") ReviewState state,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "lastContactAt, listedAt or decidedAt, with ,asc or ,desc") @QueryParam("sort") String sort) {
        return reviews.list(state, page, size, sort);
    }

    @POST
    @Path("/run")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "List the customers due for review now (admins)", description = "What the monthly job does; idempotent.")
    public RetentionRun runRetentionReview() {
        return reviews.run();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A retention review entry (admins)")
    @APIResponse(responseCode = "200", description = "The entry; ETag carries its version",
            content = @Content(schema = @Schema(implementation = RetentionReviewResponse.class)))
    public Response getRetentionReview(@PathParam("id") UUID id) {
        return withEtag(reviews.get(id));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve: anonymise the customer (admins)",
            description = "Erases the customer's personal data in every feature; ids, amounts, points and dates stay. Refused (409) "
                    + "when the customer has been in contact since the retention cutoff.")
    @APIResponse(responseCode = "200", description = "APPROVED; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = RetentionReviewResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition (decided already), or contact since the cutoff")
    public Response approveRetentionReview(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetentionDecision decision) {
        return withEtag(reviews.approve(id, ifMatch, decision.reason()));
    }

    @POST
    @Path("/{id}/keep")
    @Operation(summary = "Keep the customer, with the reason (admins)",
            description = "Not listed again for guanxi.privacy.retention.kept-months (12) months.")
    @APIResponse(responseCode = "200", description = "KEPT; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = RetentionReviewResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition (decided already)")
    public Response keepRetentionReview(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetentionDecision decision) {
        return withEtag(reviews.keep(id, ifMatch, decision.reason()));
    }

    private static Response withEtag(RetentionReviewResponse review) {
        return Response.ok(review).tag(IfMatch.etag(review.version())).build();
    }
}
