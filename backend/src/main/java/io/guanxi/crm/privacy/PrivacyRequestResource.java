package io.guanxi.crm.privacy;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.privacy.api.PrivacyRequestCreate;
import io.guanxi.crm.privacy.api.PrivacyRequestRefusal;
import io.guanxi.crm.privacy.api.PrivacyRequestResponse;
import io.guanxi.crm.privacy.api.PrivacyRequestStep;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/privacy/requests")
@Tag(name = ApiTags.PRIVACY_REQUESTS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyRequestResource {

    private static final String WHO = " Admins handle every request; managers and service agents register the requests they receive and "
            + "follow the ones they registered.";

    /** The formats an access copy downloads as. */
    public enum CopyFormat {
        JSON, XLSX
    }

    @Inject
    PrivacyRequests requests;

    @Inject
    AccessCopyFiles files;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Rights requests", description = "Newest first unless sorted by dueOn." + WHO)
    public PageResponse<PrivacyRequestResponse> listPrivacyRequests(@QueryParam("state") RequestState state,
            @QueryParam("kind") RequestKind kind, @QueryParam("contactId") UUID contactId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "receivedAt, dueOn or updatedAt, with ,asc or ,desc") @QueryParam("sort") String sort) {
        return requests.list(state, kind, contactId, page, size, sort);
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Register a rights request as received",
            description = "Due guanxi.privacy.request-due-days (15) days after receipt, in the business time zone." + WHO)
    @APIResponse(responseCode = "201", description = "Registered (RECEIVED); ETag carries its version",
            content = @Content(schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    public Response createPrivacyRequest(@Valid @NotNull PrivacyRequestCreate request, UriInfo uri) {
        PrivacyRequestResponse created = requests.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).tag(IfMatch.etag(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SERVICE_AGENT})
    @Operation(summary = "A rights request", description = "Admins read every request; whoever registered one reads it.")
    @APIResponse(responseCode = "200", description = "The request; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PrivacyRequestResponse.class)))
    public Response getPrivacyRequest(@PathParam("id") UUID id) {
        return withEtag(requests.get(id));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "The person's identity was checked (admins)", description = "RECEIVED → VERIFIED; the note says how.")
    @APIResponse(responseCode = "200", description = "VERIFIED; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Response verifyPrivacyRequest(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid PrivacyRequestStep step) {
        return withEtag(requests.verify(id, ifMatch, step == null ? null : step.note()));
    }

    @POST
    @Path("/{id}/fulfil")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Fulfil a verified request (admins)",
            description = "ACCESS: the copy of everything held about the customer is made and kept for download. DELETION: the customer "
                    + "is anonymised in every feature at once (ids, amounts, points and dates stay). CORRECTION, WITHDRAWAL, EXPLANATION are "
                    + "done where they belong (the profile, the consents, the score); the note saying what was done is required.")
    @APIResponse(responseCode = "200", description = "FULFILLED; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Response fulfilPrivacyRequest(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid PrivacyRequestStep step) {
        return withEtag(requests.fulfil(id, ifMatch, step == null ? null : step.note()));
    }

    @POST
    @Path("/{id}/refuse")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Refuse a request, with the reason (admins)", description = "From RECEIVED or VERIFIED.")
    @APIResponse(responseCode = "200", description = "REFUSED; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition")
    public Response refusePrivacyRequest(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PrivacyRequestRefusal refusal) {
        return withEtag(requests.refuse(id, ifMatch, refusal.reason()));
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed(Role.Names.ADMIN)
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download a fulfilled ACCESS request's copy (admins)",
            description = "JSON: one object, a key per section (profile, interactions, purchases, points, leads, complaints, surveys, "
                    + "activities, consents, access log …), each a list of rows. XLSX: a sheet per section. Every download is audited.")
    @APIResponse(responseCode = "200", description = "The copy", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "409", description = "Not a fulfilled ACCESS request, or the copy was erased with the customer")
    public Response exportPrivacyRequest(@PathParam("id") UUID id, @QueryParam("format") CopyFormat format) {
        String copy = requests.accessCopy(id);
        String name = "personal-data-" + id;
        if (format == CopyFormat.XLSX) {
            StreamingOutput body = out -> files.writeXlsx(copy, out);
            return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").header("Cache-Control", "no-store").build();
        }
        return Response.ok(copy.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").header("Cache-Control", "no-store").build();
    }

    private static Response withEtag(PrivacyRequestResponse request) {
        return Response.ok(request).tag(IfMatch.etag(request.version())).build();
    }
}
