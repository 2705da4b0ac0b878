package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintRequest;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.complaint.api.ComplaintStats;
import io.guanxi.crm.complaint.api.SlaPolicyEntry;
import io.guanxi.crm.complaint.api.StepRequests;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/complaints")
@Tag(name = ApiTags.COMPLAINTS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
public class ComplaintResource {

    private static final String ILLEGAL = " From any other state: 409 illegal-transition with the allowed actions.";

    @Inject
    ComplaintService service;

    @Inject
    ComplaintIntake intake;

    @Inject
    ComplaintWorkflow workflow;

    @Inject
    ComplaintStatsService stats;

    @Inject
    SlaPolicyService slaPolicy;

    @POST
    @RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SALES_REP})
    @Operation(summary = "Take in a complaint",
            description = "State RECEIVED, SLA due times set by severity; without assigneeId the least-loaded service agent "
                    + "takes it. Reps may log complaints of their own customers.")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "404", description = "contactId names no contact visible to you")
    public Response createComplaint(@Valid @NotNull ComplaintRequest request, UriInfo uri) {
        ComplaintResponse created = intake.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).tag(IfMatch.etag(created.version()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SALES_REP})
    @Operation(summary = "List complaints",
            description = "Agents and managers see all; a rep those of their own customers. Newest first by default.")
    public PageResponse<ComplaintResponse> listComplaints(@QueryParam("state") ComplaintState state,
            @QueryParam("severity") Severity severity, @QueryParam("category") ComplaintCategory category,
            @QueryParam("assigneeId") UUID assigneeId, @QueryParam("contactId") UUID contactId,
            @Parameter(description = "true: not yet followed up or closed; false: done") @QueryParam("open") Boolean open,
            @Parameter(description = "true: an SLA was missed") @QueryParam("breached") Boolean breached,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "receivedAt (default, desc) | severity | resolveDueAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(state, severity, category, assigneeId, contactId, open, breached, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SALES_REP})
    @Operation(summary = "Get a complaint",
            description = "With its SLA clock, allowed next actions and every transition; ETag carries its version, which every step, "
                    + "close, reopen and assignment names in If-Match.")
    @APIResponse(responseCode = "200", description = "The complaint; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public Response getComplaint(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Step 1: listen and empathise",
            description = "RECEIVED → ACKNOWLEDGED with what the agent said; stops the first-response clock." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response acknowledgeComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.Acknowledge step) {
        return withEtag(workflow.acknowledge(id, ifMatch, step));
    }

    @POST
    @Path("/{id}/cause")
    @Operation(summary = "Step 2: apologise and attribute the cause",
            description = "ACKNOWLEDGED → CAUSE_IDENTIFIED with the apology, the cause category and its explanation." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response identifyComplaintCause(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.IdentifyCause step) {
        return withEtag(workflow.identifyCause(id, ifMatch, step));
    }

    @POST
    @Path("/{id}/solutions")
    @Operation(summary = "Step 3: offer two or three solutions",
            description = "CAUSE_IDENTIFIED → SOLUTIONS_OFFERED. Fewer than 2 or more than 3 options is a 400." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response offerComplaintSolutions(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.OfferSolutions step) {
        return withEtag(workflow.offerSolutions(id, ifMatch, step));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve with the customer's choice",
            description = "SOLUTIONS_OFFERED → RESOLVED with the chosen option (1-based) carried out. Sets the follow-up due "
                    + "24 hours later and puts the call-back on the agent's activities." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response resolveComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.Resolve step) {
        return withEtag(workflow.resolve(id, ifMatch, step));
    }

    @POST
    @Path("/{id}/follow-up")
    @Operation(summary = "Step 4: the follow-up call",
            description = "RESOLVED → FOLLOWED_UP with the customer's satisfaction 1–5 and comment." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response followUpComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.FollowUp step) {
        return withEtag(workflow.followUp(id, ifMatch, step));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Close a followed-up complaint", description = "FOLLOWED_UP → CLOSED." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response closeComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(workflow.close(id, ifMatch));
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a complaint",
            description = "RESOLVED, FOLLOWED_UP or CLOSED → ACKNOWLEDGED with a reason; the resolution clock restarts." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response reopenComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepRequests.Reopen step) {
        return withEtag(workflow.reopen(id, ifMatch, step));
    }

    public record AssignRequest(@NotNull UUID assigneeId) {
    }

    @POST
    @Path("/{id}/assign")
    @Operation(summary = "Assign a complaint",
            description = "To an active service agent; agents may take a complaint themselves. If-Match: the complaint's ETag.")
    @APIResponse(responseCode = "200", description = "The complaint assigned; ETag carries its new version",
            content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "412", description = "The complaint changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response assignComplaint(@PathParam("id") UUID id, @Parameter(description = "The ETag read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AssignRequest request) {
        return withEtag(workflow.assign(id, ifMatch, request.assigneeId()));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Complaint statistics",
            description = "For received dates in [from, to) (default: the last 12 months): counts by category, channel, severity "
                    + "and month, SLA compliance %, mean hours to acknowledge and resolve, average satisfaction.")
    public ComplaintStats getComplaintStats(@Parameter(description = "yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "yyyy-MM-dd, exclusive") @QueryParam("to") String to) {
        return stats.stats(from, to);
    }

    @GET
    @Path("/sla-policy")
    @Operation(summary = "The complaint SLAs",
            description = "Minutes to acknowledge, resolve and follow up, per severity; ETag carries the policy's version.")
    @APIResponse(responseCode = "200", description = "One entry per severity; ETag carries the version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SlaPolicyEntry.class)))
    public Response getComplaintSlaPolicy() {
        return slaResponse(slaPolicy.get());
    }

    private static Response slaResponse(SlaPolicyService.Policy policy) {
        return Response.ok(policy.entries()).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/sla-policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the complaint SLAs",
            description = "One entry per severity (all four), with If-Match set to the ETag read. Applies to complaints "
                    + "received from now on.")
    @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SlaPolicyEntry.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since the ETag in If-Match was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response changeComplaintSlaPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Size(max = 4) List<@Valid @NotNull SlaPolicyEntry> entries) {
        return slaResponse(slaPolicy.change(ifMatch, entries));
    }

    private static Response withEtag(ComplaintResponse complaint) {
        return Response.ok(complaint).tag(IfMatch.etag(complaint.version())).build();
    }
}
