package io.guanxi.crm.consent;

import io.guanxi.crm.consent.api.ConsentEntryResponse;
import io.guanxi.crm.consent.api.ConsentRequest;
import io.guanxi.crm.consent.api.ContactConsentsResponse;
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

@Path("/api/v1/contacts/{id}/consents")
@Tag(name = ApiTags.CONSENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class ContactConsentResource {

    @Inject
    ConsentService service;

    @GET
    @Operation(summary = "A customer's consents",
            description = "The state per purpose (the latest ledger entry wins; without one, the purpose's default: NOT_REQUIRED for a "
                    + "legal basis other than consent, GRANTED_ON_PROFILE where the profile's marketing-consent tick counts, else "
                    + "NOT_GIVEN) and the whole ledger, newest first.")
    @APIResponse(responseCode = "200", description = "States and ledger",
            content = @Content(schema = @Schema(implementation = ContactConsentsResponse.class)))
    public ContactConsentsResponse getContactConsents(@PathParam("id") UUID id) {
        return service.ofContact(id);
    }

    @GET
    @Path("/{entryId}")
    @Operation(summary = "One entry of a customer's consent ledger")
    public ConsentEntryResponse getConsentEntry(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return service.entry(id, entryId);
    }

    @POST
    @Operation(summary = "Record a grant or a withdrawal",
            description = "Appends to the customer's ledger (entries are never changed or deleted): the purpose's code, GRANTED or "
                    + "WITHDRAWN, the channel it came through and the evidence; recorded by you, now. Withdrawing is as easy as "
                    + "granting; for a purpose on another legal basis (PROFILING) a withdrawal is an objection. Refusing never blocks "
                    + "service. An unknown or inactive purpose is a 400.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdraw marketing", value = """
            {"purpose": "MARKETING", "decision": "WITHDRAWN", "channel": "PHONE", "evidence": "客户来电要求不再发送营销短信"}""")))
    @APIResponse(responseCode = "201", description = "Recorded (or, for a retry with the same Idempotency-Key, the first answer)",
            content = @Content(schema = @Schema(implementation = ConsentEntryResponse.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-flight: a request with this key is still running")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the same Idempotency-Key with another body")
    public Response recordConsent(@PathParam("id") UUID id, @Valid @NotNull ConsentRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "Optional, up to 100 characters. A retry with the same key and body "
                    + "returns the first answer (with Idempotent-Replayed: true) and records nothing; the same key with another "
                    + "body is a 422.") @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.record(id, request, key,
                entryId -> uri.getAbsolutePathBuilder().path(entryId.toString()).build()));
    }
}
