package io.guanxi.crm.tier;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.tier.api.CustomerValueResponse;
import io.guanxi.crm.tier.api.TierChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/{id}")
@Tag(name = ApiTags.TIERS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class CustomerValueResource {

    @Inject
    TierService service;

    @GET
    @Path("/value")
    @Operation(summary = "A customer's value",
            description = "Window revenue, ABC tier, ABCD quadrant with its recommended action, membership level, RFM and CLV. "
                    + "404 for a contact without purchases (not a customer yet) or not visible to you.")
    public CustomerValueResponse getCustomerValue(@PathParam("id") UUID id) {
        return service.value(id);
    }

    @GET
    @Path("/tier-history")
    @Operation(summary = "A customer's tier and level history",
            description = "Every ABC, ABCD and level change, newest first, with its cause and the job that decided it.")
    public List<TierChange> getTierHistory(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
