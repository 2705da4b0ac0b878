package io.guanxi.crm.campaign;

import io.guanxi.crm.campaign.api.CampaignReport;
import io.guanxi.crm.campaign.api.CampaignRequest;
import io.guanxi.crm.campaign.api.CampaignResponse;
import io.guanxi.crm.campaign.api.CampaignTargetResponse;
import io.guanxi.crm.campaign.api.OutcomeRequest;
import io.guanxi.crm.campaign.api.SegmentPreview;
import io.guanxi.crm.campaign.api.SegmentPreviewRequest;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/campaigns")
@Tag(name = ApiTags.CAMPAIGNS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
public class CampaignResource {

    private static final String IF_MATCH = "The ETag from GET, e.g. \"3\" (428 without, 412 when stale)";

    @Inject
    CampaignService service;

    @Inject
    Segments segments;

    @GET
    @Operation(summary = "List campaigns",
            description = "The team's campaigns (everyone who reaches out reads them and their scripts); `targets` counts the "
                    + "targets you may see. Newest window first.")
    public PageResponse<CampaignResponse> listCampaigns(@Parameter(description = "Only campaigns in this state") @QueryParam("state") CampaignState state,
            @QueryParam("page") Integer page, @Parameter(description = "1–200 (default 20)") @QueryParam("size") Integer size,
            @Parameter(description = "startsOn (default, desc) | name | createdAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(state, page, size, sort);
    }

    @POST
    @Operation(summary = "Create a campaign (a draft)",
            description = "A rep's campaign is their own (another ownerId: 403); managers and admins name any owner.")
    @APIResponse(responseCode = "201", description = "Created as a draft; Location names it",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    public Response createCampaign(@Valid @NotNull CampaignRequest request, UriInfo uri) {
        CampaignResponse created = service.create(request);
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @POST
    @Path("/segment-preview")
    @Operation(summary = "Preview a segment",
            description = "How many customers a segment reaches for you now (a rep: their own; managers and admins: everyone's), "
                    + "never archived ones, only those with marketing consent for MARKETING and MIXED, and the first five by name.")
    public SegmentPreview previewCampaignSegment(@Valid @NotNull SegmentPreviewRequest request) {
        return segments.preview(request.segment(), request.category().needsMarketingConsent());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a campaign")
    @APIResponse(responseCode = "200", description = "The campaign; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    public Response getCampaign(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a draft campaign",
            description = "Its owner, its author, managers and admins (403 for others); only while a draft (409). If-Match.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(responseCode = "409", description = "It is not a draft any more")
    public Response updateCampaign(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CampaignRequest request) {
        return withEtag(Response.ok(), service.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/launch")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Launch a campaign",
            description = "Once (a launched campaign answers 409). Puts one CAMPAIGN activity per customer the segment reaches for "
                    + "you on that customer's owner's list, due from the first day of the window (today if later), overdue after "
                    + "its last day. A rep reaches their own customers, managers and admins everyone's. If-Match.")
    @APIResponse(responseCode = "200", description = "Launched; `targets` counts them; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(responseCode = "409", description = "Launched already, or its window has ended")
    public Response launchCampaign(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(Response.ok(), service.launch(id, ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Close a launched campaign", description = "No more outcomes are recorded. If-Match.")
    @APIResponse(responseCode = "200", description = "Closed; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(responseCode = "409", description = "It is not launched")
    public Response closeCampaign(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(Response.ok(), service.close(id, ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Cancel a draft campaign", description = "A launched campaign is closed instead (409). If-Match.")
    @APIResponse(responseCode = "200", description = "Cancelled; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(responseCode = "409", description = "It is not a draft")
    public Response cancelCampaign(@PathParam("id") UUID id, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(Response.ok(), service.cancel(id, ifMatch));
    }

    @GET
    @Path("/{id}/targets")
    @Operation(summary = "A campaign's targets",
            description = "The targets you may see (a rep: their own customers), pending ones first, then by name.")
    public PageResponse<CampaignTargetResponse> listCampaignTargets(@PathParam("id") UUID id,
            @Parameter(description = "Only this outcome") @QueryParam("outcome") CampaignOutcome outcome,
            @Parameter(description = "Only targets without an outcome") @QueryParam("pending") Boolean pending,
            @QueryParam("page") Integer page, @Parameter(description = "1–200 (default 20)") @QueryParam("size") Integer size) {
        return service.targets(id, outcome, Boolean.TRUE.equals(pending), page, size);
    }

    @PUT
    @Path("/{id}/targets/{contactId}/outcome")
    @Operation(summary = "Record a target's outcome",
            description = "While the campaign is launched (409 otherwise), for a customer you may see (404 otherwise). If-Match "
                    + "with the target's version. Its activity is done with it; a later call corrects the outcome.")
    @APIResponse(responseCode = "200", description = "Recorded; the target's new ETag is in the header",
            content = @Content(schema = @Schema(implementation = CampaignTargetResponse.class)))
    @APIResponse(responseCode = "409", description = "The campaign is not running (a draft, closed or cancelled)")
    public Response recordCampaignOutcome(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull OutcomeRequest request) {
        CampaignTargetResponse target = service.recordOutcome(id, contactId, ifMatch, request.outcome());
        return Response.ok(target).tag(IfMatch.etag(target.version())).build();
    }

    @GET
    @Path("/{id}/report")
    @Operation(summary = "A campaign's results",
            description = "Over the targets you may see: targets, reached, each outcome, pending, purchased within the purchase "
                    + "window after the launch, conversion (purchased ÷ targets); in total and per rep.")
    public CampaignReport getCampaignReport(@PathParam("id") UUID id) {
        return service.report(id);
    }

    private static Response withEtag(Response.ResponseBuilder builder, CampaignResponse campaign) {
        return builder.tag(IfMatch.etag(campaign.version())).entity(campaign).build();
    }
}
