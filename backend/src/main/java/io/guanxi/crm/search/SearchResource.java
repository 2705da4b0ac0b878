package io.guanxi.crm.search;

import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.search.api.SearchResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Tag(name = ApiTags.SEARCH)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService service;

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Search contacts, leads and complaints",
            description = "One search box for the whole CRM. Contacts match as in the contact list's `q`: any part of the "
                    + "name or company (Chinese included), the start of the name's pinyin or its initials (zhangwei, zw), "
                    + "three or more digits of the mobile, or part of the email; archived contacts are left out. Leads "
                    + "match through their contact (the same rules) or by their product interest or notes; complaints "
                    + "through their customer or by their description. Each kind is limited by its own list's visibility: "
                    + "a rep finds only their own contacts, the leads they may see (their own and their queue) and the "
                    + "complaints of their customers; service agents find no leads. The first `limit` of each kind "
                    + "(contacts most recently contacted first; open leads and complaints first), and whether there are more.")
    public SearchResponse search(
            @Parameter(description = "Search text, 1–100 characters", required = true, example = "zhangwei") @QueryParam("q") String q,
            @Parameter(description = "How many of each kind, 1–20 (default 5)") @QueryParam("limit") Integer limit) {
        return service.search(q, limit);
    }
}
