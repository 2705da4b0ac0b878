package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactBulkJob;
import io.guanxi.crm.contact.api.ContactBulkRequest;
import io.guanxi.crm.contact.api.ContactBulkResult;
import io.guanxi.crm.platform.idempotency.IdempotentResponses;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk actions on the contact list (issue 20 §4): an action on ticked rows or on all contacts a filter matches. */
@Path("/api/v1/contacts/bulk")
@Tag(name = ApiTags.CONTACTS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactBulkResource {

    @Inject
    ContactBulkService service;

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Bulk action on contacts",
            description = "Assigns an owner (managers and admins; the customer's open leads and activities go along), adds or "
                    + "removes tags, changes the lifecycle stage (a rep within the lifecycle rules), archives, or drafts a care "
                    + "campaign whose targets are the selection. The selection is either ids (each optionally with the version "
                    + "you saw: if it moved, that row is a CONFLICT and stays unchanged) or the contact list's filters (every "
                    + "contact they match that you may see, at most 50 000). Each change is recorded as a single edit would "
                    + "record it. Up to 200 contacts: 200 with the per-row report, all or nothing. More: 202 with a job to follow "
                    + "at Location (GET /api/v1/contacts/bulk/jobs/{id}), processed in batches of 200, each all or nothing. "
                    + "A contact you may not see is reported NOT_VISIBLE, exactly as one that does not exist.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "reassign ticked rows", value = """
                    {"action": "ASSIGN_OWNER", "ownerId": "0b9f3c1e-6a4d-4f7b-9a51-2a0d5e8c1f20", "note": "王芳离职，客户移交",
                     "selection": {"ids": [{"id": "5d1c7a2e-3b9f-4e61-8c0d-7f2a9b4e6d13", "version": 3}]}}"""),
            @ExampleObject(name = "tag all matching", value = """
                    {"action": "ADD_TAGS", "tags": ["春节关怀"], "selection": {"filter": {"region": "EAST", "lifecycleStage": "LOYALTY"}}}""")}))
    @APIResponse(responseCode = "200", description = "Done: the per-row report",
            content = @Content(schema = @Schema(implementation = ContactBulkResult.class)))
    @APIResponse(responseCode = "202", description = "A large selection, running as a job; Location names it",
            content = @Content(schema = @Schema(implementation = ContactBulkJob.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-flight: a request with this key is still running")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the same Idempotency-Key with another body")
    public Response bulkContacts(@Valid @NotNull ContactBulkRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "Optional, up to 100 characters. A retry with the same key and body "
                    + "returns the first answer (with Idempotent-Replayed: true) and changes nothing; the same key with another "
                    + "body is a 422.") @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.run(request, key,
                id -> uri.getAbsolutePathBuilder().path("jobs").path(id.toString()).build()));
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Follow a bulk action's job",
            description = "Progress of a bulk action you started (anyone else's answers 404) and, once SUCCEEDED, its per-row "
                    + "report. Poll until the state is not RUNNING.")
    public ContactBulkJob getContactBulkJob(@PathParam("id") UUID id) {
        return service.job(id);
    }
}
