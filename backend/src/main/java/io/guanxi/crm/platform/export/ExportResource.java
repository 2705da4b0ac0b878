package io.guanxi.crm.platform.export;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.JobState;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Large exports, written by a job: the requester follows it and downloads its file while it is kept. */
@Path("/api/v1/exports")
@Tag(name = ApiTags.EXPORTS)
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
public class ExportResource {

    @Inject
    Jobs jobs;

    @Inject
    ListExports exports;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow an export job",
            description = "The job a list export answered with 202 (more rows than the threshold, or async=true): state, rows "
                    + "written of the total, and when SUCCEEDED a report {rows, fileName, format, expiresAt}. Only the user who "
                    + "asked for the export sees it; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = JobResponse.class)))
    public JobResponse getExportJob(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @Path("/{id}/file")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the file of a finished export job",
            description = "For the requester only, until the file's expiresAt (guanxi.export.keep, default 24 h). 409 while the "
                    + "job still runs or when it failed; 404 once the file has been removed.")
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "409", description = "The job has not finished, or failed")
    public Response downloadExportFile(@PathParam("id") UUID id) {
        JobResponse job = own(id);
        if (job.state() != JobState.SUCCEEDED || job.report() == null) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", "The export is not ready: follow the job until SUCCEEDED");
        }
        ExportFormat format = ExportFormat.valueOf(String.valueOf(job.report().get("format")));
        java.nio.file.Path file = ExportFiles.jobFile(exports.directory(), id, format);
        Instant expires = Instant.parse(String.valueOf(job.report().get("expiresAt")));
        if (!Files.isRegularFile(file) || clock.instant().isAfter(expires)) {
            throw ProblemException.notFound("The file of export " + id);
        }
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + job.report().get("fileName") + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The job if it is an export the caller asked for; else 404, as if it did not exist. */
    private JobResponse own(UUID id) {
        JobResponse job;
        try {
            job = jobs.get(id);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Export " + id);
        }
        if (!ListExports.kindFor(user.id()).equals(job.kind())) {
            throw ProblemException.notFound("Export " + id);
        }
        return job;
    }
}
