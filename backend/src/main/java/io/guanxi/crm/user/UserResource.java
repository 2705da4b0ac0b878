package io.guanxi.crm.user;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.api.PasswordResetRequest;
import io.guanxi.crm.user.api.UserCreateRequest;
import io.guanxi.crm.user.api.UserResponse;
import io.guanxi.crm.user.api.UserUpdateRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Tag(name = ApiTags.USERS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "List users",
            description = "Admins and managers (who assign owners) list users, filtered by role and active flag.")
    public PageResponse<UserResponse> listUsers(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "username|displayName|createdAt, then ,asc or ,desc") @QueryParam("sort") String sort,
            @QueryParam("role") Role role, @QueryParam("active") Boolean active) {
        return service.list(page, size, sort, role, active);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Operation(summary = "Get a user", description = "The user with its version in the ETag header.")
    @APIResponse(responseCode = "200", description = "The user; ETag carries its version",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response getUser(@PathParam("id") UUID id) {
        UserResponse user = service.get(id);
        return Response.ok(user).tag(IfMatch.etag(user.version())).build();
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Create a user",
            description = "Creates a person or an integrator account. The password must be at least 12 characters "
                    + "mixing three of lower case, upper case, digits and symbols.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sales rep", value = """
            {"username": "li.na", "displayName": "李娜", "password": "Sales-Rep-2026!",
             "roles": ["SALES_REP"], "seniority": "JUNIOR"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "conflict: the username is taken")
    public Response createUser(@Valid @NotNull UserCreateRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        UserResponse user = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
                .tag(IfMatch.etag(user.version())).entity(user).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Update a user",
            description = "Changes display name, roles, seniority and active flag. Needs If-Match with the ETag. "
                    + "A role change or a deactivation voids the user's tokens on their next request and ends "
                    + "their web app sessions.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "promote", value = """
            {"displayName": "李娜", "roles": ["SALES_REP"], "seniority": "SENIOR", "active": true}""")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "conflict: you cannot remove your own admin role or deactivate yourself, nor the last active admin")
    public Response updateUser(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UserUpdateRequest request) {
        UserResponse user = service.update(id, ifMatch, request, currentUser.id());
        return Response.ok(user).tag(IfMatch.etag(user.version())).build();
    }

    @POST
    @Path("/{id}/password")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Reset a user's password", description = "Sets a new password (same rules as on create). The user's "
            + "tokens stop working on their next request and their web app sessions end.")
    @APIResponse(responseCode = "204", description = "The new password is set")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reset", value = """
            {"password": "New-Secret-2026!"}""")))
    public Response resetUserPassword(@PathParam("id") UUID id, @Valid @NotNull PasswordResetRequest request) {
        service.resetPassword(id, request);
        return Response.noContent().build();
    }
}
