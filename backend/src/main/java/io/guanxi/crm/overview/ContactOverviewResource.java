package io.guanxi.crm.overview;

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

@Path("/api/v1/contacts/{id}/overview")
@Tag(name = ApiTags.CONTACTS)
@Produces(MediaType.APPLICATION_JSON)
public class ContactOverviewResource {

    @Inject
    ContactOverviewService overviews;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "360° view of a contact",
            description = "Profile, interaction counts (total, last 7 and 30 days, by channel), the most recent "
                    + "interactions, the contact's leads, recent purchases and the customer's value (tier, quadrant, level, "
                    + "RFM, CLV), complaints and whether an open serious complaint puts the customer at churn risk.")
    public ContactOverview getContactOverview(@PathParam("id") UUID id) {
        return overviews.of(id);
    }
}
