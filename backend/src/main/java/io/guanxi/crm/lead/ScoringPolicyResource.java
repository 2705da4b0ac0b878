package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.ScorePreview;
import io.guanxi.crm.lead.api.ScoringPolicyRequest;
import io.guanxi.crm.lead.api.ScoringPolicyResponse;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.CurrentUser;
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
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lead-scoring")
@Tag(name = ApiTags.LEAD_SCORING)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoringPolicyResource {

    @Inject
    ScoringPolicyService policies;

    @Inject
    LeadService leads;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP})
    @Operation(summary = "The current scoring policy", description = "Rules, window, weights and thresholds in force.")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ScoringPolicyResponse.class)))
    public Response getScoringPolicy() {
        ScoringPolicyResponse policy = policies.currentResponse();
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @GET
    @Path("/policy/versions/{version}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP})
    @Operation(summary = "A past scoring policy", description = "The version a lead's score names.")
    public ScoringPolicyResponse getScoringPolicyVersion(@PathParam("version") int version) {
        return policies.versionResponse(version);
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the scoring policy",
            description = "Needs If-Match with the ETag of the policy read. Saves the next version and rescores every open lead in one set-based statement; the answer "
                    + "says how many scores moved. Weights must sum to 1; thresholds 0–100 with high value ≥ priority.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "training formula", value = """
            {"matchRules": [{"field": "SOURCE", "value": "REFERRAL", "points": 30},
                            {"field": "BUDGET_AT_LEAST", "value": "100000", "points": 40},
                            {"field": "INDUSTRY", "value": "科技", "points": 30}],
             "activityWindowDays": 7, "pointsPerInteraction": 20, "activityCap": 100,
             "matchWeight": 0.6, "activityWeight": 0.4, "priorityThreshold": 80, "highValueThreshold": 85,
             "careAfterDays": 3}""")))
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = ScoringPolicyResponse.class)))
    public Response changeScoringPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ScoringPolicyRequest request) {
        ScoringPolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Path("/policy/preview")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Preview a scoring policy",
            description = "Scores every open lead with the candidate policy without saving it, and says how many scores "
                    + "would change and how many leads would enter or leave the priority and high-value levels "
                    + "(\u201cthis change would move N leads above 80\u201d). Validated like a change.")
    public ScorePreview previewScoringPolicy(@Valid @NotNull ScoringPolicyRequest request) {
        return policies.preview(request);
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @Path("/rescore")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Slide the activity window now",
            description = "Rescores every open lead as the hourly job does; returns how many scores moved.")
    public int rescoreLeads() {
        return leads.slideWindow(clock.instant());
    }
}
