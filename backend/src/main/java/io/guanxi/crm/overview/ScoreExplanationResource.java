package io.guanxi.crm.overview;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/{id}/score-explanation")
@Tag(name = ApiTags.CONSENT)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreExplanationResource {

    @Inject
    ScoreExplanationService explanations;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Explain a customer's scores",
            description = "PIPL Art. 24: what a person is told when they ask how automated scores about them were reached. Each lead "
                    + "score's rules (fired or not), activity count, weights and thresholds; the churn-risk score's signals with value, "
                    + "weight and points and the facts behind them; or NOT_SCORED_AT_CUSTOMER_REQUEST when they objected to profiling.")
    public ScoreExplanation getScoreExplanation(@PathParam("id") UUID id) {
        return explanations.of(id);
    }
}
