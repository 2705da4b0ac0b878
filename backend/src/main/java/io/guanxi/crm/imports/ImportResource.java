package io.guanxi.crm.imports;

import io.guanxi.crm.imports.api.ImportDecisionsRequest;
import io.guanxi.crm.imports.api.ImportMappingRequest;
import io.guanxi.crm.imports.api.ImportResponse;
import io.guanxi.crm.platform.error.ProblemException;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/imports")
@Tag(name = ApiTags.IMPORTS)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String WHO = " Sales reps, managers and admins import; an import is its importer's alone (anyone else: 404).";

    @Inject
    Imports imports;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Upload a file of contacts and dry-run it",
            description = "CSV (UTF-8 with or without BOM, or GBK/GB18030, detected) or XLSX (first sheet; formulas are not evaluated). "
                    + "Answers the preview: detected header row and column mapping (zh and en headers), every row validated, duplicates "
                    + "against existing contacts and within the file. Nothing is written to contacts until the commit. Files over "
                    + "guanxi.imports.max-bytes (50 MB) are refused with 413; more than guanxi.imports.uploads-per-hour (20) uploads "
                    + "by one user within an hour with 429." + WHO)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"))))
    @APIResponse(responseCode = "201", description = "The preview; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large")
    @APIResponse(responseCode = "415", description = "Not a multipart upload")
    @APIResponse(responseCode = "422", description = "import-unreadable: not a CSV or XLSX, broken, wrong encoding, no rows")
    @APIResponse(responseCode = "429", description = "too-many-requests: guanxi.imports.uploads-per-hour (20) uploads within the last "
            + "hour; Retry-After says when the next is accepted")
    public Response uploadImport(@RestForm("file") FileUpload file, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidField("file", "is required (a multipart part named file)");
        }
        ImportResponse created = imports.upload(file.uploadedFile(), file.fileName(), file.size());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).tag(IfMatch.etag(created.version()))
                .entity(created).build();
    }

    /**
     * Any other body type: the caller's token and role are checked first (401, 403), as on every operation, and only then
     * the type refused (415). Not part of the contract: the upload above is.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(hidden = true)
    public Response uploadImportOfAnotherType() {
        throw new ProblemException(415, io.guanxi.crm.platform.error.ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Upload the file as multipart/form-data, in a part named file");
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "An import: state, mapping, counts, problems, duplicate groups, result", description = WHO)
    @APIResponse(responseCode = "200", description = "The import; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    public Response getImport(@PathParam("id") UUID id) {
        ImportResponse response = imports.get(id);
        return Response.ok(response).tag(IfMatch.etag(response.version())).build();
    }

    @PUT
    @Path("/{id}/mapping")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Change the column mapping and dry-run again",
            description = "One field or null per column; NAME required, each field once. Decisions are reset (groups may change)." + WHO)
    @APIResponse(responseCode = "200", description = "The new preview; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "409", description = "import-state: committed already")
    public Response mapImport(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ImportMappingRequest request) {
        ImportResponse response = imports.map(id, ifMatch, request.fields());
        return Response.ok(response).tag(IfMatch.etag(response.version())).build();
    }

    @PUT
    @Path("/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Decide what to do with each duplicate group",
            description = "SKIP, FILL_EMPTY, OVERWRITE or CREATE_ANYWAY per group id; all for the rest. FILL_EMPTY and OVERWRITE change "
                    + "an existing contact only when the importer may edit it (otherwise its rows are skipped)." + WHO)
    @APIResponse(responseCode = "200", description = "The preview with the decisions; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "409", description = "import-state: committed already")
    public Response decideImport(@PathParam("id") UUID id,
            @Parameter(description = "The ETag read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ImportDecisionsRequest request) {
        ImportResponse response = imports.decide(id, ifMatch, request);
        return Response.ok(response).tag(IfMatch.etag(response.version())).build();
    }

    @POST
    @Path("/{id}/commit")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Import: write the contacts as a background job",
            description = "The rows are checked again and the decisions applied, all in one transaction (all or nothing); follow "
                    + "GET /api/v1/jobs/{jobId} or this import. New contacts belong to the importer. One import commit or undo runs at "
                    + "a time (409 job-already-running)." + WHO)
    @APIResponse(responseCode = "202", description = "Accepted: state COMMITTING, jobId set",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "409", description = "import-state (committed already) or job-already-running")
    public Response commitImport(@PathParam("id") UUID id) {
        ImportResponse response = imports.commit(id);
        return Response.accepted(response).tag(IfMatch.etag(response.version())).build();
    }

    @GET
    @Path("/{id}/errors")
    @Produces("text/csv")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The error report (CSV): row, column, header, field, message code", description = WHO)
    @APIResponse(responseCode = "200", description = "UTF-8 CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    public Response importErrors(@PathParam("id") UUID id) {
        imports.get(id);
        StreamingOutput body = out -> imports.writeErrors(id, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @POST
    @Path("/{id}/undo")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Undo a committed import (within 7 days)",
            description = "Removes the contacts it created and puts back the fields it replaced, unless someone changed them since "
                    + "(then they stay). Refused, changing nothing, when a created contact has gained interactions, leads, purchases "
                    + "or other records since (409 import-undo-blocked)." + WHO)
    @APIResponse(responseCode = "200", description = "UNDONE, with what was put back",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "409", description = "import-state, or import-undo-blocked (records since, or over 7 days)")
    public Response undoImport(@PathParam("id") UUID id) {
        ImportResponse response = imports.undo(id);
        return Response.ok(response).tag(IfMatch.etag(response.version())).build();
    }
}
