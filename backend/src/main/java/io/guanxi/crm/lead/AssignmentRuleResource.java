package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.AssignmentRuleRequest;
import io.guanxi.crm.lead.api.AssignmentRuleResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lead-assignment/rules")
@Tag(name = ApiTags.LEAD_SCORING)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
public class AssignmentRuleResource {

    @Inject
    AssignmentRuleService rules;

    @GET
    @Operation(summary = "List assignment rules", description = "In the order they are tried.")
    public List<AssignmentRuleResponse> listAssignmentRules() {
        return rules.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an assignment rule", description = "With its version in the ETag.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(schema = @Schema(implementation = AssignmentRuleResponse.class)))
    public Response getAssignmentRule(@PathParam("id") UUID id) {
        AssignmentRuleResponse rule = rules.get(id);
        return Response.ok(rule).tag(IfMatch.etag(rule.version())).build();
    }

    @POST
    @Operation(summary = "Add an assignment rule",
            description = "Region, industry and minimum score (each optional) → a rep or a pool of active sales reps, "
                    + "picked in turn (ROUND_ROBIN) or by fewest open leads (LEAST_LOADED).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "华东 + 科技 + ≥80", value = """
            {"position": 10, "name": "华东科技高分线索", "region": "EAST", "industry": "科技", "minScore": 80,
             "assigneeIds": ["0190a0a0-0000-7000-8000-000000000001"], "strategy": "LEAST_LOADED"}""")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = AssignmentRuleResponse.class)))
    public Response createAssignmentRule(@Valid @NotNull AssignmentRuleRequest request, UriInfo uri) {
        AssignmentRuleResponse rule = rules.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                .tag(IfMatch.etag(rule.version())).entity(rule).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an assignment rule", description = "Needs If-Match with the rule's ETag.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AssignmentRuleResponse.class)))
    public Response updateAssignmentRule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AssignmentRuleRequest request) {
        AssignmentRuleResponse rule = rules.update(id, ifMatch, request);
        return Response.ok(rule).tag(IfMatch.etag(rule.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an assignment rule", description = "Leads it assigned keep their owner.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteAssignmentRule(@PathParam("id") UUID id) {
        rules.delete(id);
        return Response.noContent().build();
    }
}
