package io.guanxi.crm.survey;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.survey.api.MarkSentRequest;
import io.guanxi.crm.survey.api.PendingInvitationResponse;
import io.guanxi.crm.survey.api.SurveyInvitationResponse;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What delivery gateways (SMS, WeChat) use: the invitations waiting to be sent, and marking one sent. */
@Path("/api/v1/survey-invitations")
@Tag(name = ApiTags.SURVEYS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyDeliveryResource {

    @Inject
    SurveyInvitations invitations;

    @GET
    @Path("/pending")
    @RolesAllowed({Role.Names.INTEGRATOR, Role.Names.ADMIN})
    @Operation(summary = "Invitations waiting to be delivered (gateways)",
            description = "For an SMS or WeChat gateway: open invitations not yet marked sent, oldest first, with the link and where "
                    + "to reach the customer. The whole team's queue (the gateway is the team's), not a visibility-scoped list.")
    public PageResponse<PendingInvitationResponse> listPendingSurveyInvitations(@QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return invitations.pending(page, size);
    }

    @POST
    @Path("/{id}/sent")
    @RolesAllowed({Role.Names.INTEGRATOR, Role.Names.ADMIN})
    @Operation(summary = "Mark an invitation sent (gateways)",
            description = "Idempotent: the first delivery recorded is kept; a repeat (a gateway's retry) answers the same invitation "
                    + "and changes nothing.")
    public SurveyInvitationResponse markSurveyInvitationSent(@PathParam("id") UUID id, @Valid @NotNull MarkSentRequest request) {
        return invitations.markSent(id, request.channel());
    }
}
