package io.guanxi.crm.interaction;

import io.guanxi.crm.interaction.api.InteractionRequest;
import io.guanxi.crm.interaction.api.InteractionResponse;
import io.guanxi.crm.platform.idempotency.IdempotentResponses;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/contacts/{contactId}/interactions")
@Tag(name = ApiTags.INTERACTIONS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {

    @Inject
    InteractionService service;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "List a contact's interactions", description = "Newest first, paged.")
    public PageResponse<InteractionResponse> listInteractions(@PathParam("contactId") UUID contactId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "occurredAt,desc (default) or occurredAt,asc") @QueryParam("sort") String sort) {
        return service.list(contactId, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Get one interaction", description = "An interaction of a contact visible to you.")
    public InteractionResponse getInteraction(@PathParam("contactId") UUID contactId, @PathParam("id") UUID id) {
        return service.get(contactId, id);
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Log an interaction",
            description = "Records a call, message, visit, meeting or event with the contact, authored by you; "
                    + "the contact's lastContactedAt moves to its time (never backwards). Anyone who can see the "
                    + "contact may log one, service agents included. A phone that logged it offline sends an "
                    + "Idempotency-Key made when the rep submitted, so sending it again never logs it twice.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "phone call", value = """
            {"channel": "PHONE", "direction": "OUTBOUND", "occurredAt": "2026-11-23T08:00:00Z",
             "summary": "电话回访：客户对报价满意，下周三安排上门演示"}""")))
    @APIResponse(responseCode = "201", description = "Logged (or, for a retry with the same Idempotency-Key, the first answer)",
            content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-flight: a request with this key is still running")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the same Idempotency-Key with another body")
    public Response logInteraction(@PathParam("contactId") UUID contactId, @Valid @NotNull InteractionRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "Optional, up to 100 characters. A retry with the same key "
                    + "and body returns the first answer (with Idempotent-Replayed: true) and logs nothing; the same key "
                    + "with another body is a 422.") @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.logOnce(contactId, request, key,
                id -> uri.getAbsolutePathBuilder().path(id.toString()).build()));
    }
}
