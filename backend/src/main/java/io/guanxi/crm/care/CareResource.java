package io.guanxi.crm.care;

import io.guanxi.crm.care.api.CarePolicyRequest;
import io.guanxi.crm.care.api.CarePolicyResponse;
import io.guanxi.crm.care.api.CareScanResult;
import io.guanxi.crm.care.api.HolidayCalendarResponse;
import io.guanxi.crm.care.api.HolidayResponse;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/care")
@Tag(name = ApiTags.CARE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CareResource {

    @Inject
    CarePolicies policies;

    @Inject
    CareScheduling scheduling;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @GET
    @Path("/holidays")
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.INTEGRATOR})
    @Operation(summary = "The holidays of a year",
            description = "Solar holidays on their fixed dates and lunar festivals on the dates of the official Chinese calendar "
                    + "(春节 2027 is 6 February), in date order.")
    public HolidayCalendarResponse listHolidays(
            @Parameter(description = "A Gregorian year, " + HolidayCalendar.FIRST_YEAR + "–" + HolidayCalendar.LAST_YEAR
                    + "; the current year in the business time zone when absent", example = "2027") @QueryParam("year") Integer year) {
        int asked = year != null ? year : LocalDate.ofInstant(clock.instant(), ZoneId.of(config.zone())).getYear();
        if (asked < HolidayCalendar.FIRST_YEAR || asked > HolidayCalendar.LAST_YEAR) {
            throw ProblemException.invalidField("year", "must be between " + HolidayCalendar.FIRST_YEAR + " and " + HolidayCalendar.LAST_YEAR);
        }
        return new HolidayCalendarResponse(asked, HolidayCalendar.holidays(asked).stream()
                .map(h -> new HolidayResponse(h.occasion(), h.date(), h.occasion().calendar(), h.occasion().month(), h.occasion().day()))
                .toList());
    }

    @GET
    @Path("/policy")
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The care policy")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CarePolicyResponse.class)))
    public Response getCarePolicy() {
        CarePolicyResponse policy = CarePolicies.toResponse(policies.current());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change the care policy (admins)",
            description = "Needs If-Match with the ETag of the policy read. Creates the next version; occasions already handled keep "
                    + "their activity.")
    @APIResponse(responseCode = "200", description = "Saved as the next version; ETag carries it",
            content = @Content(schema = @Schema(implementation = CarePolicyResponse.class)))
    public Response changeCarePolicy(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CarePolicyRequest request) {
        CarePolicyResponse policy = policies.change(request, ifMatch, currentUser.id());
        return Response.ok(policy).tag(IfMatch.etag(policy.version())).build();
    }

    @POST
    @Path("/scan")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Run the care scan now (admins)",
            description = "What the scheduled scan does (every guanxi.care.scan-every): plans the care activities of occasions now in "
                    + "the window. Incremental: an occasion already handled is never planned again.")
    public CareScanResult runCareScan() {
        return scheduling.scan(clock.instant());
    }
}
