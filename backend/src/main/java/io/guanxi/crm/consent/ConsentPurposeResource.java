package io.guanxi.crm.consent;

import io.guanxi.crm.consent.api.ConsentPurposeRequest;
import io.guanxi.crm.consent.api.ConsentPurposeResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/consent-purposes")
@Tag(name = ApiTags.CONSENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentPurposeResource {

    @Inject
    ConsentService service;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "List consent purposes",
            description = "What customers' personal information is used for, each with its legal basis (PIPL Art. 13), by code. "
                    + "MARKETING, SURVEY, PROFILING and PARTNER_SHARING are seeded; the application checks the first three.")
    public List<ConsentPurposeResponse> listConsentPurposes() {
        return service.listPurposes();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Get a consent purpose")
    @APIResponse(responseCode = "200", description = "The purpose; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ConsentPurposeResponse.class)))
    public Response getConsentPurpose(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), service.getPurpose(id));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Define a consent purpose", description = "Admins. The code is unique and fixed once created (409 when taken).")
    @APIResponse(responseCode = "201", description = "Defined; Location names it",
            content = @Content(schema = @Schema(implementation = ConsentPurposeResponse.class)))
    @APIResponse(responseCode = "409", description = "A purpose with this code exists")
    public Response createConsentPurpose(@Valid @NotNull ConsentPurposeRequest request, UriInfo uri) {
        ConsentPurposeResponse created = service.createPurpose(request);
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change a consent purpose",
            description = "Admins. Names, description, legal basis, whether the profile's marketing-consent tick counts and whether "
                    + "it is active; the code stays (400 when another is sent). Send If-Match with its ETag: without it 428, stale 412. "
                    + "A change of legal basis changes who is included at once (docs/consent.md).")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the header",
            content = @Content(schema = @Schema(implementation = ConsentPurposeResponse.class)))
    public Response updateConsentPurpose(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ConsentPurposeRequest request) {
        return withEtag(Response.ok(), service.updatePurpose(id, ifMatch, request));
    }

    private static Response withEtag(Response.ResponseBuilder builder, ConsentPurposeResponse purpose) {
        return builder.tag(IfMatch.etag(purpose.version())).entity(purpose).build();
    }
}
