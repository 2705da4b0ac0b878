package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintRequest;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.complaint.api.ComplaintStats;
import io.guanxi.crm.complaint.api.SlaPolicyEntry;
import io.guanxi.crm.complaint.api.StepRequests;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    ComplaintStatsService stats;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SALES_REP})
    @Operation(summary = "Take in a complaint",
            description = "State RECEIVED, SLA due times set by severity; without assigneeId the least-loaded service agent "
                    + "takes it. Reps may log complaints of their own customers.")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "404", description = "contactId names no contact visible to you")
    public Response createComplaint(@Valid @NotNull ComplaintRequest request, UriInfo uri) {
        ComplaintResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
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
    @Operation(summary = "Get a complaint", description = "With its SLA clock, allowed next actions and every transition.")
    public ComplaintResponse getComplaint(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Step 1: listen and empathise",
            description = "RECEIVED → ACKNOWLEDGED with what the agent said; stops the first-response clock." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse acknowledgeComplaint(@PathParam("id") UUID id, @Valid @NotNull StepRequests.Acknowledge step) {
        return service.acknowledge(id, step);
    }

    @POST
    @Path("/{id}/cause")
    @Operation(summary = "Step 2: apologise and attribute the cause",
            description = "ACKNOWLEDGED → CAUSE_IDENTIFIED with the apology, the cause category and its explanation." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse identifyComplaintCause(@PathParam("id") UUID id, @Valid @NotNull StepRequests.IdentifyCause step) {
        return service.identifyCause(id, step);
    }

    @POST
    @Path("/{id}/solutions")
    @Operation(summary = "Step 3: offer two or three solutions",
            description = "CAUSE_IDENTIFIED → SOLUTIONS_OFFERED. Fewer than 2 or more than 3 options is a 400." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse offerComplaintSolutions(@PathParam("id") UUID id, @Valid @NotNull StepRequests.OfferSolutions step) {
        return service.offerSolutions(id, step);
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve with the customer's choice",
            description = "SOLUTIONS_OFFERED → RESOLVED with the chosen option (1-based) carried out. Sets the follow-up due "
                    + "24 hours later and puts the call-back on the agent's activities." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse resolveComplaint(@PathParam("id") UUID id, @Valid @NotNull StepRequests.Resolve step) {
        return service.resolve(id, step);
    }

    @POST
    @Path("/{id}/follow-up")
    @Operation(summary = "Step 4: the follow-up call",
            description = "RESOLVED → FOLLOWED_UP with the customer's satisfaction 1–5 and comment." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse followUpComplaint(@PathParam("id") UUID id, @Valid @NotNull StepRequests.FollowUp step) {
        return service.followUp(id, step);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Close a followed-up complaint", description = "FOLLOWED_UP → CLOSED." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse closeComplaint(@PathParam("id") UUID id) {
        return service.close(id);
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a complaint",
            description = "RESOLVED, FOLLOWED_UP or CLOSED → ACKNOWLEDGED with a reason; the resolution clock restarts." + ILLEGAL)
    @APIResponse(responseCode = "409", description = "illegal-transition: not allowed in the complaint's state (with state and allowedActions)")
    @APIResponse(responseCode = "200", description = "The complaint after the step", content = @Content(schema = @Schema(implementation = ComplaintResponse.class)))
    public ComplaintResponse reopenComplaint(@PathParam("id") UUID id, @Valid @NotNull StepRequests.Reopen step) {
        return service.reopen(id, step);
    }

    public record AssignRequest(@NotNull UUID assigneeId) {
    }

    @POST
    @Path("/{id}/assign")
    @Operation(summary = "Assign a complaint", description = "To an active service agent; agents may take a complaint themselves.")
    public ComplaintResponse assignComplaint(@PathParam("id") UUID id, @Valid @NotNull AssignRequest request) {
        return service.assign(id, request.assigneeId());
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Complaint statistics",
            description = "For received dates in [from, to) (default: the last 12 months): counts by category, channel, severity "
                    + "and month, SLA compliance %, mean hours to acknowledge and resolve, average satisfaction.")
    public ComplaintStats getComplaintStats(@Parameter(description = "yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "yyyy-MM-dd, exclusive") @QueryParam("to") String to) {
        Instant end = date("to", to, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
        Instant start = date("from", from, end.atOffset(ZoneOffset.UTC).toLocalDate().minusMonths(12));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        return stats.stats(start, end);
    }

    @GET
    @Path("/sla-policy")
    @Operation(summary = "The complaint SLAs",
            description = "Minutes to acknowledge, resolve and follow up, per severity; ETag carries the policy's version.")
    @APIResponse(responseCode = "200", description = "One entry per severity; ETag carries the version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SlaPolicyEntry.class)))
    public Response getComplaintSlaPolicy() {
        List<SlaPolicy> rows = em.createQuery("from SlaPolicy", SlaPolicy.class).getResultList();
        return slaResponse(rows);
    }

    private static Response slaResponse(List<SlaPolicy> rows) {
        long version = rows.stream().mapToLong(p -> p.version).max().orElse(0);
        List<SlaPolicyEntry> entries = rows.stream().sorted((a, b) -> a.severity.compareTo(b.severity))
                .map(ComplaintResource::toEntry).toList();
        return Response.ok(entries).tag(IfMatch.etag(version)).build();
    }

    @PUT
    @Path("/sla-policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    @Operation(summary = "Change the complaint SLAs",
            description = "One entry per severity (all four), with If-Match set to the ETag read. Applies to complaints "
                    + "received from now on.")
    @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SlaPolicyEntry.class)))
    public Response changeComplaintSlaPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Size(max = 4) List<@Valid @NotNull SlaPolicyEntry> entries) {
        IfMatch.requiredVersion(ifMatch);
        Set<Severity> given = entries.stream().map(SlaPolicyEntry::severity).collect(Collectors.toSet());
        if (entries.size() != Severity.values().length || !given.equals(EnumSet.allOf(Severity.class))) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed", "Give exactly one entry per severity",
                    List.of(new FieldError("severity", "one entry each for LOW, MEDIUM, HIGH, CRITICAL")), Map.of());
        }
        for (SlaPolicyEntry entry : entries) {
            if (entry.acknowledgeMinutes() > entry.resolveMinutes()) {
                throw ProblemException.invalidField("acknowledgeMinutes", "must not exceed resolveMinutes (" + entry.severity() + ")");
            }
        }
        // All four rows locked, then the version checked: of two admins who read the same version, the second gets 412.
        List<SlaPolicy> rows = em.createQuery("from SlaPolicy p order by p.severity", SlaPolicy.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        long version = rows.stream().mapToLong(p -> p.version).max().orElse(0);
        IfMatch.check(ifMatch, version);
        Map<Severity, SlaPolicyEntry> bySeverity = entries.stream().collect(Collectors.toMap(SlaPolicyEntry::severity, e -> e));
        for (SlaPolicy policy : rows) {
            SlaPolicyEntry entry = bySeverity.get(policy.severity);
            policy.acknowledgeMinutes = entry.acknowledgeMinutes();
            policy.resolveMinutes = entry.resolveMinutes();
            policy.followUpMinutes = entry.followUpMinutes();
            policy.warnBeforeMinutes = entry.warnBeforeMinutes();
            policy.updatedAt = clock.instant();
            policy.version = version + 1;
        }
        return slaResponse(rows);
    }

    private static SlaPolicyEntry toEntry(SlaPolicy p) {
        return new SlaPolicyEntry(p.severity, p.acknowledgeMinutes, p.resolveMinutes, p.followUpMinutes, p.warnBeforeMinutes);
    }

    private static Instant date(String name, String value, LocalDate fallback) {
        LocalDate date;
        try {
            date = value == null ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-23");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw ProblemException.invalidField(name, "must be between 0001-01-01 and 9999-12-31");
        }
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
