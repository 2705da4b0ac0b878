package io.guanxi.crm.loyalty;

import io.guanxi.crm.loyalty.api.CancelRedemptionRequest;
import io.guanxi.crm.loyalty.api.RedemptionRequest;
import io.guanxi.crm.loyalty.api.RedemptionResponse;
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

@Path("/api/v1/redemptions")
@Tag(name = ApiTags.LOYALTY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedemptionResource {

    @Inject
    RedemptionService service;

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT, Role.Names.INTEGRATOR})
    @Operation(summary = "Redeem points for a reward",
            description = "Takes the points (those expiring first) and the stock in one transaction. Too few points or too "
                    + "little stock → 409 (insufficient-points / out-of-stock); a reward outside its window, archived or above "
                    + "the customer's level → 422 (reward-unavailable); nothing is written then. Send an Idempotency-Key: a "
                    + "retry returns the first answer. Reps: their own customers; integrators (a member app): any customer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one reward", value = """
            {"contactId": "01a20642-0000-7000-8000-000000000000", "rewardId": "01a20642-0000-7000-8000-0000000000aa", "quantity": 1}""")))
    @APIResponse(responseCode = "201", description = "Redeemed", content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "409", description = "insufficient-points (with balance and needed), out-of-stock (with stock), "
            + "or idempotency-key-in-flight; nothing was written")
    @APIResponse(responseCode = "422", description = "reward-unavailable (archived, outside its window, level too low) or "
            + "idempotency-key-reused; nothing was written")
    @APIResponse(responseCode = "404", description = "No such reward, or the contact is not one you may see")
    public Response redeemPoints(@Valid @NotNull RedemptionRequest request,
            @Parameter(in = ParameterIn.HEADER, description = LoyaltyResource.KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String key,
            UriInfo uri) {
        return IdempotentResponses.toResponse(service.redeem(request, key,
                id -> uri.getBaseUriBuilder().path("api/v1/redemptions").path(id.toString()).build()));
    }

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT})
    @Operation(summary = "List redemptions", description = "Newest first; reps give contactId (one of their customers).")
    public PageResponse<RedemptionResponse> listRedemptions(@QueryParam("contactId") UUID contactId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(contactId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT, Role.Names.INTEGRATOR})
    @Operation(summary = "A redemption")
    public RedemptionResponse getRedemption(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SERVICE_AGENT, Role.Names.INTEGRATOR})
    @Operation(summary = "Cancel a redemption",
            description = "Gives back the points to the lots they came from (keeping their expiry dates) and the stock; a reason "
                    + "is required. A second cancel is a 409.")
    @APIResponse(responseCode = "200", description = "The cancelled redemption",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled")
    public RedemptionResponse cancelRedemption(@PathParam("id") UUID id, @Valid @NotNull CancelRedemptionRequest request) {
        return service.cancel(id, request);
    }
}
