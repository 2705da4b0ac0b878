package io.guanxi.crm.churn;

import io.guanxi.crm.churn.api.ChurnRecordResponse;
import io.guanxi.crm.churn.api.ChurnRequest;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/{id}/churn")
@Tag(name = ApiTags.CHURN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactChurnResource {

    @Inject
    ChurnService churn;

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "A customer's churns, newest first",
            description = "History: a customer who bought again keeps its churns (wonBackAt says when it came back).")
    public List<ChurnRecordResponse> listContactChurns(@PathParam("id") UUID id) {
        return churn.ofContact(id);
    }

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Mark a customer as churned",
            description = "The owner rep, managers and admins (service agents do not: churn is a sales judgement). The lifecycle moves to "
                    + "CHURNED; without a cause the owner gets a CHURN_INVESTIGATION activity. 409 conflict when "
                    + "the customer is churned already or archived.")
    @APIResponse(responseCode = "201", description = "Churned; ETag carries the churn's version",
            content = @Content(schema = @Schema(implementation = ChurnRecordResponse.class)))
    @APIResponse(responseCode = "404", description = "No contact with this id visible to you")
    @APIResponse(responseCode = "409", description = "conflict: churned already or archived")
    public Response churnContact(@PathParam("id") UUID id, @Valid @NotNull ChurnRequest request) {
        ChurnRecordResponse made = churn.churnByHand(id, request);
        return Response.created(UriBuilder.fromPath("/api/v1/churn/records/{id}").build(made.id())).tag(IfMatch.etag(made.version()))
                .entity(made).build();
    }
}
