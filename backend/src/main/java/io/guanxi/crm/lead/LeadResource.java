package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.AssignRequest;
import io.guanxi.crm.lead.api.LeadCaptureRequest;
import io.guanxi.crm.lead.api.LeadCaptureResponse;
import io.guanxi.crm.lead.api.LeadRequest;
import io.guanxi.crm.lead.api.LeadResponse;
import io.guanxi.crm.lead.api.MoveLeadRequest;
import io.guanxi.crm.lead.api.ReassignLeadsRequest;
import io.guanxi.crm.lead.api.ScoreBreakdown;
import io.guanxi.crm.lead.api.ScoreChange;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads")
@Tag(name = ApiTags.LEADS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
public class LeadResource {

    private static final String EXAMPLE = """
            {"newContact": {"name": "王磊", "mobile": "139 1234 5678", "company": "苏州工业园电子有限公司"},
             "sourceChannel": "REFERRAL", "productInterest": "企业培训课程", "industry": "科技", "region": "EAST",
             "budget": 120000, "notes": "老客户李总推荐，下月预算审批"}""";

    @Inject
    LeadService service;

    @Inject
    LeadCapture capture;

    @GET
    @Operation(summary = "List leads",
            description = "Leads visible to you (managers: all; a rep: own leads and, if the policy allows, the unassigned "
                    + "queue of their seniority), best score first. queue=mine, "
                    + "unassigned or priority (score at or above the policy's priority threshold) lists open leads only.")
    public PageResponse<LeadResponse> listLeads(
            @Parameter(description = "mine | unassigned | priority") @QueryParam("queue") LeadQueue queue,
            @QueryParam("status") LeadStatus status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "score (default, desc) | createdAt | updatedAt, then ,asc or ,desc")
            @QueryParam("sort") String sort) {
        return service.list(queue, status, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a lead", description = "The lead with its score and level; ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    public Response getLead(@PathParam("id") UUID id) {
        LeadResponse lead = service.get(id);
        return Response.ok(lead).tag(IfMatch.etag(lead.version())).build();
    }

    @POST
    @Operation(summary = "Create a lead",
            description = "About an existing contact (contactId) or a new person (newContact: created as a POTENTIAL "
                    + "contact, with the contacts' duplicate check: 409 unless confirmDuplicate=true). Scored at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "referral", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created and scored",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "The new person duplicates a contact: see existingId")
    @APIResponse(responseCode = "404", description = "contactId names no contact visible to you")
    public Response createLead(@Valid @NotNull LeadRequest request,
            @QueryParam("confirmDuplicate") @DefaultValue("false") boolean confirmDuplicate, UriInfo uri) {
        LeadResponse lead = service.create(request, confirmDuplicate);
        return Response.created(uri.getAbsolutePathBuilder().path(lead.id().toString()).build())
                .tag(IfMatch.etag(lead.version())).entity(lead).build();
    }

    @POST
    @Path("/capture")
    @RolesAllowed({Role.Names.INTEGRATOR, Role.Names.ADMIN})
    @Operation(summary = "Capture a lead from a website form",
            description = "For integrators (role INTEGRATOR). Deduplicated team-wide by canonical mobile and email: a new "
                    + "person becomes a POTENTIAL contact and a lead for the assignment rules (201, NEW_PERSON); a known "
                    + "contact gets a new lead for their owner (201, EXISTING_CONTACT); a person with an open lead gets "
                    + "nothing new (200, ALREADY_OPEN), so a resubmitted or retried form never duplicates anyone.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "website form", value = """
            {"name": "王磊", "mobile": "139 1234 5678", "email": "wang.lei@example.cn",
             "company": "苏州工业园电子有限公司", "productInterest": "企业培训课程", "industry": "科技",
             "region": "EAST", "budget": 120000, "message": "想了解团队内训方案", "marketingConsent": true}""")))
    @APIResponse(responseCode = "201", description = "A lead was created",
            content = @Content(schema = @Schema(implementation = LeadCaptureResponse.class)))
    @APIResponse(responseCode = "200", description = "The person already has an open lead",
            content = @Content(schema = @Schema(implementation = LeadCaptureResponse.class)))
    public Response captureLead(@Valid @NotNull LeadCaptureRequest form, UriInfo uri) {
        LeadCaptureResponse receipt = capture.capture(form);
        if (receipt.outcome() == LeadCaptureResponse.Outcome.ALREADY_OPEN) {
            return Response.ok(receipt).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/leads").path(receipt.leadId().toString()).build())
                .entity(receipt).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/{id}/claim")
    @RolesAllowed(Role.Names.SALES_REP)
    @Operation(summary = "Claim a lead from your queue",
            description = "A sales rep takes an unassigned open lead from the queue of their seniority (seniors: priority "
                    + "queue; juniors: potential queue) when the scoring policy lets reps see it. 409 if someone else "
                    + "took it first; the captured contact comes with it.")
    @APIResponse(responseCode = "409", description = "conflict: the lead is no longer in the queue (someone owns it, or it is closed)")
    @APIResponse(responseCode = "200", description = "Claimed: the lead is yours", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    public LeadResponse claimLead(@PathParam("id") UUID id) {
        return service.claim(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a lead",
            description = "Replaces the editable fields (not the contact) with If-Match; the score is recomputed. "
                    + "LOST needs a lostReason. Managers set or clear ownerId; a rep's leads stay their own. A lead is "
                    + "converted only with POST /leads/{id}/convert: setting status CONVERTED, or changing a converted "
                    + "lead's status, is a 409 illegal-transition.")
    @APIResponse(responseCode = "200", description = "Updated and rescored",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "Status CONVERTED is set only by /convert, and a converted lead keeps it")
    public Response updateLead(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeadRequest request) {
        LeadResponse lead = service.update(id, ifMatch, request);
        return Response.ok(lead).tag(IfMatch.etag(lead.version())).build();
    }

    @POST
    @Path("/{id}/move")
    @Operation(summary = "Move a lead on",
            description = "NEW → CONTACTED → QUALIFIED, or LOST with a reason from the taxonomy (PRICE, COMPETITOR, NO_NEED, "
                    + "NO_BUDGET, NO_RESPONSE, TIMING, PRODUCT_FIT, OTHER) and an optional note; any open status may be "
                    + "set again (a LOST lead reopens). With If-Match. Winning it is POST /leads/{id}/convert: CONVERTED here, "
                    + "or moving a converted lead, is a 409 illegal-transition. A rep moves the leads they own.")
    @APIResponse(responseCode = "409", description = "illegal-transition: CONVERTED is set only by /convert, and a converted lead keeps it")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    public Response moveLead(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MoveLeadRequest request) {
        LeadResponse lead = service.move(id, ifMatch, request);
        return Response.ok(lead).tag(IfMatch.etag(lead.version())).build();
    }

    @POST
    @Path("/reassign")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Reassign leads with their customers",
            description = "Hands 1–200 open leads to a sales rep or manager with a reason: each lead's customer changes owner "
                    + "and its open leads and open activities go with it; recorded (assignmentKind MANAGER, the manager's "
                    + "name, the reason as assignmentNote) and notified to the new and the previous owner. All or nothing: "
                    + "a closed lead among them is a 409 and nothing moves.")
    @APIResponse(responseCode = "404", description = "A lead does not exist")
    @APIResponse(responseCode = "409", description = "conflict: a closed lead keeps its owner")
    @APIResponse(responseCode = "200", description = "The leads, reassigned",
            content = @Content(schema = @Schema(implementation = LeadResponse.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<LeadResponse> reassignLeads(@Valid @NotNull ReassignLeadsRequest request) {
        return service.reassign(request);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Assign or reassign a lead",
            description = "With ownerId, that rep owns the lead (recorded as the manager's choice); without, the "
                    + "assignment rules decide as on capture. The lead's assignmentReason says what decided.")
    @APIResponse(responseCode = "409", description = "conflict: a closed lead keeps its owner")
    @APIResponse(responseCode = "200", description = "Assigned", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    public LeadResponse assignLead(@PathParam("id") UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid AssignRequest request) {
        return service.assign(id, request == null ? null : request.ownerId());
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/{id}/convert")
    @Operation(summary = "Convert a qualified lead",
            description = "The lead becomes CONVERTED and its contact a customer: lifecycle stage PURCHASE (unless already "
                    + "PURCHASE or LOYALTY), recorded in the contact's stage history. Only QUALIFIED leads convert (else 409).")
    @APIResponse(responseCode = "409", description = "conflict: only a QUALIFIED lead can be converted")
    @APIResponse(responseCode = "200", description = "Converted; its contact is now a customer", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    public LeadResponse convertLead(@PathParam("id") UUID id) {
        return service.convert(id);
    }

    @GET
    @Path("/{id}/score")
    @Operation(summary = "Explain a lead's score",
            description = "Every match rule of the policy version used and whether it fired, the interactions counted "
                    + "in the window, the weights and thresholds: score = match × matchWeight + activity × activityWeight.")
    public ScoreBreakdown getLeadScore(@PathParam("id") UUID id) {
        return service.breakdown(id);
    }

    @GET
    @Path("/{id}/score-history")
    @Operation(summary = "A lead's score history",
            description = "Every change of the score, newest first, with its cause: CREATED, LEAD_EDITED, "
                    + "INTERACTION_LOGGED, POLICY_CHANGED or WINDOW_SLID.")
    public PageResponse<ScoreChange> getLeadScoreHistory(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.history(id, page, size);
    }
}
