package io.guanxi.crm.today;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.today.api.TodayResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/today")
@Tag(name = ApiTags.ACTIVITIES)
@Produces(MediaType.APPLICATION_JSON)
public class TodayResource {

    @Inject
    TodayService today;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "My working day (工作台)",
            description = "In one answer: your overdue activities and those due today (each counted, the first ten), how many "
                    + "fall due in the next 7 days; a rep's new leads and quiet customers; an agent's complaints by the next "
                    + "deadline; a manager's team (overdue by person, unassigned leads, leads reached within 24 hours in the "
                    + "last 7 days, activities done in time this week).")
    public TodayResponse getToday() {
        return today.today();
    }
}
