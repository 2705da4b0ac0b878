package io.guanxi.crm.notification;

import io.guanxi.crm.notification.api.NotificationPage;
import io.guanxi.crm.notification.api.UnreadCount;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/notifications")
@Tag(name = ApiTags.ACTIVITIES)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class NotificationResource {

    @Inject
    Notifications notifications;

    @GET
    @Operation(summary = "My notifications",
            description = "Yours only (whatever your role), newest first, with the unread count; unread=true lists the "
                    + "unread ones. Kinds: LEAD_ASSIGNED, LEAD_REASSIGNED_AWAY, LEAD_CLAIMED, ESCALATION, ACTIVITY_OVERDUE, "
                    + "ACTIVITY_ASSIGNED, COMPLAINT_ASSIGNED, MENTION.")
    public NotificationPage listNotifications(@QueryParam("unread") Boolean unread, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return notifications.mine(Boolean.TRUE.equals(unread), page, size);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread", description = "What the bell polls.")
    public UnreadCount countUnreadNotifications() {
        return new UnreadCount(notifications.unreadCount());
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read", description = "Yours only; doing it twice is harmless.")
    @APIResponse(responseCode = "204", description = "Read")
    public Response markNotificationRead(@PathParam("id") UUID id) {
        notifications.markRead(id);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read")
    @APIResponse(responseCode = "204", description = "All read")
    public Response markAllNotificationsRead() {
        notifications.markAllRead();
        return Response.noContent().build();
    }
}
