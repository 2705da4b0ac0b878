package io.guanxi.crm.platform.jobs;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jobs")
@Tag(name = ApiTags.JOBS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
public class JobResource {

    @Inject
    Jobs jobs;

    @GET
    @Path("/{id}")
    @Operation(summary = "Follow a background job",
            description = "State (RUNNING, SUCCEEDED, FAILED), phase, processed of total, start and finish times, the "
                    + "error of a failed job and the report of a finished one. Poll until the state is not RUNNING.")
    public JobResponse getJob(@PathParam("id") UUID id) {
        return jobs.get(id);
    }
}
