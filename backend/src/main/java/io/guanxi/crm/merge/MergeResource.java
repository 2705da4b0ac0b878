package io.guanxi.crm.merge;

import io.guanxi.crm.merge.api.MergeResponse;
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
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/merges")
@Tag(name = ApiTags.MERGES)
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {

    @Inject
    MergeService service;

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "A merge (managers)", description = "Who merged which contacts when, the values chosen, how many records "
            + "of each kind moved, the points transferred, and its undo if any.")
    @APIResponse(responseCode = "200", description = "The merge", content = @Content(schema = @Schema(implementation = MergeResponse.class)))
    public MergeResponse getMerge(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/undo")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Undo a merge (managers)",
            description = "Moves exactly the records the merge moved back to the contacts they came from, gives back the points by "
                    + "another pair of ledger entries, brings the merged contacts back into lists, and restores the survivor's "
                    + "fields to their values before the merge (a field someone changed since keeps its newer value: keptFields). "
                    + "Refused with 409 merge-not-undoable and a reason when it would lose data: ALREADY_UNDONE, LATER_MERGE (the "
                    + "survivor took part in a later merge still in force: undo that first), SURVIVOR_MERGED_SINCE, ERASED_SINCE, "
                    + "POINTS_SPENT (the survivor no longer holds the points it received).")
    @APIResponse(responseCode = "200", description = "Undone", content = @Content(schema = @Schema(implementation = MergeResponse.class)))
    @APIResponse(responseCode = "409", description = "merge-not-undoable, with a reason")
    public MergeResponse undoMerge(@PathParam("id") UUID id) {
        return service.undo(id);
    }
}
