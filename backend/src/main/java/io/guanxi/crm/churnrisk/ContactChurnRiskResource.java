package io.guanxi.crm.churnrisk;

import io.guanxi.crm.churnrisk.api.ChurnRiskResponse;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/{id}")
@Tag(name = ApiTags.CHURN_RISK)
@Produces(MediaType.APPLICATION_JSON)
public class ContactChurnRiskResource {

    @Inject
    ChurnRiskService service;

    @GET
    @Path("/churn-risk")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "A customer's churn risk",
            description = "The score (0–100) and level as last computed (nightly and on each purchase, interaction or complaint step), "
                    + "every signal with its value, weight and points, and the reasons: the signals that add points, the largest first.")
    @APIResponse(responseCode = "200", description = "The customer's churn risk",
            content = @Content(schema = @Schema(implementation = ChurnRiskResponse.class)))
    @APIResponse(responseCode = "404", description = "Not a customer (yet), not scored yet, or not visible to you")
    public ChurnRiskResponse getChurnRisk(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
