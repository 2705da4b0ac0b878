package io.guanxi.crm.reminder;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reminders")
@Tag(name = ApiTags.LEADS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class ReminderResource {

    @Inject
    ReminderService reminders;

    @GET
    @Operation(summary = "My follow-up reminders",
            description = "Open reminders addressed to you, soonest due first (done=true includes finished ones). "
                    + "A lead with no interaction for the policy's care period (3 days) produces one for its owner.")
    public PageResponse<ReminderResponse> listMyReminders(@QueryParam("done") Boolean includeDone,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reminders.mine(Boolean.TRUE.equals(includeDone), page, size);
    }

    @POST
    @Path("/{id}/done")
    @Operation(summary = "Mark a reminder done", description = "Only its owner can; doing it twice is harmless.")
    @APIResponse(responseCode = "204", description = "Done")
    public Response markReminderDone(@PathParam("id") UUID id) {
        reminders.done(id);
        return Response.noContent().build();
    }
}
