package io.guanxi.crm.survey;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.survey.api.NpsReport;
import io.guanxi.crm.survey.api.PeriodicScanResult;
import io.guanxi.crm.survey.api.SurveyAnswerResponse;
import io.guanxi.crm.survey.api.SurveyPolicyRequest;
import io.guanxi.crm.survey.api.SurveyPolicyResponse;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/surveys")
@Tag(name = ApiTags.SURVEYS)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    @Inject
    SurveyPolicies policies;

    @Inject
    SurveyInvitations invitations;

    @Inject
    SurveyReports reports;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The survey policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = SurveyPolicyResponse.class)))
    public Response getSurveyPolicy() {
        SurveyPolicyResponse policy = SurveyPolicies.toResponse(policies.current());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the survey policy (admins)",
            description = "Needs If-Match with the ETag of the policy read. Creates the next version; invitations already made keep "
                    + "their expiry.")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = SurveyPolicyResponse.class)))
    public Response changeSurveyPolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SurveyPolicyRequest request) {
        SurveyPolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Path("/periodic-scan")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Run the periodic relationship survey now (admins)",
            description = "What the nightly scan does (guanxi.surveys.periodic-cron): invites (NPS) the customers who have bought, "
                    + "agreed to be contacted and were not asked within the policy's months, nor invited within its minimum days. "
                    + "At most guanxi.surveys.periodic-batch per run.")
    public PeriodicScanResult runPeriodicSurveys() {
        return invitations.runPeriodic(clock.instant());
    }

    @GET
    @Path("/nps")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Net Promoter Score",
            description = "% promoters (9–10) − % detractors (0–6) of the NPS answers of the customers you may see (a rep: their "
                    + "own), answered in the months from–to (business time zone): overall, per month, per ABC tier and per owner.")
    public NpsReport getNps(
            @Parameter(description = "First month, YYYY-MM; 11 months before to when absent", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM; the current month when absent (at most 36 months in all)", example = "2026-12")
            @QueryParam("to") String to) {
        return reports.nps(from, to);
    }

    @GET
    @Path("/answers")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Recent survey answers", description = "Of the customers you may see, newest first.")
    public PageResponse<SurveyAnswerResponse> listSurveyAnswers(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reports.answers(page, size);
    }
}
