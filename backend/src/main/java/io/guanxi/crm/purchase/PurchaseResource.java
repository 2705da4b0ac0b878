package io.guanxi.crm.purchase;

import io.guanxi.crm.platform.idempotency.IdempotentResponses;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.purchase.api.PurchaseRequest;
import io.guanxi.crm.purchase.api.PurchaseResponse;
import io.guanxi.crm.purchase.api.RefundRequest;
import io.guanxi.crm.purchase.api.RefundResponse;
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

@Path("/api/v1/purchases")
@Tag(name = ApiTags.PURCHASES)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurchaseResource {

    private static final String KEY_DESCRIPTION = "Optional, up to 100 characters. A retry with the same key and body "
            + "returns the first answer (with Idempotent-Replayed: true) and records nothing; the same key with another body is a 422.";

    @Inject
    PurchaseService service;

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.INTEGRATOR})
    @Operation(summary = "Record a purchase",
            description = "A sale to a customer (reps: their own; integrators: anyone, by contactId or contactMobile). "
                    + "One purchase per externalOrderId: posting the same order again returns it (200), with other details "
                    + "it is a 409. A purchase can lift the customer's membership level at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "course order", value = """
            {"contactId": "01a20642-0000-7000-8000-000000000000", "amount": 2980.00, "channel": "ONLINE",
             "items": [{"sku": "TRN-2026-PM", "category": "培训课程", "quantity": 1, "price": 2980.00}],
             "externalOrderId": "SO-20261123-0042", "occurredAt": "2026-11-23T08:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "200", description = "This order was recorded before with the same details",
            content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @APIResponse(responseCode = "404", description = "The customer (contactId, or an integrator's contactMobile) is not a contact you may see")
    @APIResponse(responseCode = "409", description = "duplicate-order: the externalOrderId was recorded with other details (existingId); or idempotency-key-in-flight")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the same Idempotency-Key with another body")
    public Response recordPurchase(@Valid @NotNull PurchaseRequest request,
            @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.record(request, key,
                id -> uri.getBaseUriBuilder().path("api/v1/purchases").path(id.toString()).build()));
    }

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT})
    @Operation(summary = "List purchases", description = "Newest first; a rep sees the purchases of their own customers.")
    public PageResponse<PurchaseResponse> listPurchases(@QueryParam("contactId") UUID contactId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "occurredAt (default, desc) | amount, then ,asc or ,desc") @QueryParam("sort") String sort) {
        return service.list(contactId, page, size, sort);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Get a purchase", description = "With its refunds and what is left as revenue (netAmount).")
    public PurchaseResponse getPurchase(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.INTEGRATOR})
    @Operation(summary = "Refund a purchase, fully or partly",
            description = "All refunds of a purchase together never exceed its amount, even when posted at once (422 with "
                    + "what is still refundable). A refund lowers revenue at the next recompute; it never lowers a level at once. "
                    + "An integrator refunds only the sales it recorded (another purchase answers 404).")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-flight")
    @APIResponse(responseCode = "422", description = "refund-exceeds-payment (with refundable), or idempotency-key-reused")
    public Response refundPurchase(@PathParam("id") UUID id, @Valid @NotNull RefundRequest request,
            @Parameter(in = ParameterIn.HEADER, description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.refund(id, request, key,
                refundId -> uri.getBaseUriBuilder().path("api/v1/purchases").path(id.toString()).build()));
    }
}
