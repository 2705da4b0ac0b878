package io.guanxi.crm.user;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.api.UserResponse;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = ApiTags.AUTH)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Authenticated
    @Operation(summary = "Who am I", description = "The signed-in user: name, roles and seniority.")
    public UserResponse getCurrentUser() {
        return service.get(currentUser.id());
    }
}
