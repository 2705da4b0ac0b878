package io.guanxi.crm.survey;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.survey.api.SurveyInvitationRequest;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's survey invitations: the history and a new one by hand. */
@Path("/api/v1/contacts/{id}/survey-invitations")
@Tag(name = ApiTags.SURVEYS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactSurveyResource {

    @Inject
    SurveyInvitations invitations;

    @GET
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "A customer's survey history", description = "Invitations with their answers, newest first (the last 50).")
    public List<SurveyInvitationResponse> listSurveyInvitations(@PathParam("id") UUID id) {
        return invitations.history(id);
    }

    @POST
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Invite a customer to a survey by hand",
            description = "Makes a personal link to copy or show as a QR code; a gateway can also deliver it. Refused for a customer "
                    + "who has not agreed to be contacted, an archived one, or one invited within the policy's minimum days.")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(implementation = SurveyInvitationResponse.class)))
    @APIResponse(responseCode = "409", description = "survey-no-consent, survey-archived or survey-too-soon")
    public Response createSurveyInvitation(@PathParam("id") UUID id, @Valid @NotNull SurveyInvitationRequest request) {
        SurveyInvitationResponse made = invitations.invite(id, request.template());
        return Response.created(URI.create("/api/v1/contacts/" + id + "/survey-invitations")).entity(made).build();
    }
}
