package io.guanxi.crm.activity;

import io.guanxi.crm.activity.api.ActivityCompletion;
import io.guanxi.crm.activity.api.ActivityRequest;
import io.guanxi.crm.activity.api.ActivityResponse;
import io.guanxi.crm.activity.api.CancelActivityRequest;
import io.guanxi.crm.activity.api.CompleteActivityRequest;
import io.guanxi.crm.activity.api.RescheduleRequest;
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
import java.time.LocalDate;
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

@Path("/api/v1/activities")
@Tag(name = ApiTags.ACTIVITIES)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class ActivityResource {

    private static final String CLOSED = " 409 illegal-transition when it is already done or cancelled.";

    @Inject
    ActivityService service;

    @GET
    @Operation(summary = "List activities",
            description = "Yours by default (assignee=me); managers and admins may ask for a user id or all (the team's). "
                    + "due=overdue (open and past due), today or week (due from today for 7 days, business time zone), or "
                    + "a from/to range of due days. Open ones unless status says otherwise; soonest due first.")
    public PageResponse<ActivityResponse> listActivities(
            @Parameter(description = "me (default), all, or a user id") @QueryParam("assignee") String assignee,
            @QueryParam("due") ActivityService.DueWindow due,
            @Parameter(description = "First due day of a range (YYYY-MM-DD)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last due day of a range (YYYY-MM-DD)") @QueryParam("to") LocalDate to,
            @Parameter(description = "OPEN when omitted, except with a from/to range (then any)") @QueryParam("status") ActivityStatus status,
            @Parameter(description = "One or more kinds (repeat the parameter)") @QueryParam("kind") List<ActivityKind> kinds, @QueryParam("contactId") UUID contactId,
            @QueryParam("leadId") UUID leadId, @QueryParam("complaintId") UUID complaintId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "dueAt,asc (default) or createdAt") @QueryParam("sort") String sort) {
        ActivityStatus wanted = status != null || from != null || to != null ? status : ActivityStatus.OPEN;
        return service.list(assignee, due, from, to, wanted, kinds, contactId, leadId, complaintId, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an activity", description = "Yours, or your team's for managers; ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    public Response getActivity(@PathParam("id") UUID id) {
        ActivityResponse activity = service.get(id);
        return Response.ok(activity).tag(IfMatch.etag(activity.version())).build();
    }

    @POST
    @Operation(summary = "Plan an activity",
            description = "About a customer you may see, for you (or, managers and admins, for someone who can see the "
                    + "customer). A due time in the past is allowed, to log what was missed: it is overdue at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "call tomorrow", value = """
            {"contactId": "0193a6b2-5f1c-7c3e-9a4b-1d2e3f405162", "kind": "CALL", "title": "回访报价",
             "dueDate": "2026-12-01", "priority": "HIGH"}""")))
    @APIResponse(responseCode = "404", description = "The customer does not exist or is not visible to you")
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    public Response createActivity(@Valid @NotNull ActivityRequest request, UriInfo uri) {
        ActivityResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(IfMatch.etag(created.version())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an open activity", description = "Replaces the editable fields with If-Match; the customer "
            + "stays." + CLOSED)
    @APIResponse(responseCode = "409", description = "illegal-transition: the activity is already done or cancelled")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    public Response updateActivity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActivityRequest request) {
        ActivityResponse activity = service.update(id, ifMatch, request);
        return Response.ok(activity).tag(IfMatch.etag(activity.version())).build();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete an activity",
            description = "With If-Match. Records the outcome; with logInteraction it also logs the interaction with the "
                    + "customer, and with next it schedules the next follow-up (Odoo's done → schedule next), all in one "
                    + "step." + CLOSED)
    @APIResponse(responseCode = "409", description = "illegal-transition: the activity is already done or cancelled")
    @APIResponse(responseCode = "200", description = "Done (and the next one, when asked); ETag: the completed one's",
            content = @Content(schema = @Schema(implementation = ActivityCompletion.class)))
    public Response completeActivity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CompleteActivityRequest request) {
        ActivityCompletion done = service.complete(id, ifMatch, request);
        return Response.ok(done).tag(IfMatch.etag(done.completed().version())).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an activity", description = "With If-Match; the reason is kept as its outcome." + CLOSED)
    @APIResponse(responseCode = "409", description = "illegal-transition: the activity is already done or cancelled")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    public Response cancelActivity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CancelActivityRequest request) {
        ActivityResponse activity = service.cancel(id, ifMatch, request.reason());
        return Response.ok(activity).tag(IfMatch.etag(activity.version())).build();
    }

    @POST
    @Path("/{id}/reschedule")
    @Operation(summary = "Reschedule an activity", description = "A new due time or day, with If-Match." + CLOSED)
    @APIResponse(responseCode = "409", description = "illegal-transition: the activity is already done or cancelled")
    @APIResponse(responseCode = "200", description = "Rescheduled",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    public Response rescheduleActivity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RescheduleRequest request) {
        ActivityResponse activity = service.reschedule(id, ifMatch, request.dueAt(), request.dueDate());
        return Response.ok(activity).tag(IfMatch.etag(activity.version())).build();
    }
}
