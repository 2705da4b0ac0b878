package io.guanxi.crm.merge;

import io.guanxi.crm.merge.api.DuplicateGroup;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/duplicates")
@Tag(name = ApiTags.MERGES)
@Produces(MediaType.APPLICATION_JSON)
public class DuplicatesResource {

    @Inject
    MergeService service;

    @GET
    @RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Possible duplicate contacts (managers)",
            description = "Groups of active contacts that look like one person: the same canonical mobile, the same email, "
                    + "the same WeChat ID, or the same name (spaces ignored) with the same company (case ignored). A contact "
                    + "may be in several groups, one per reason. Mobiles and emails are masked; open a contact to see it in full. "
                    + "Paged by group.")
    public PageResponse<DuplicateGroup> listDuplicates(
            @Parameter(description = "Only groups of this reason", schema = @Schema(enumeration = {"MOBILE", "EMAIL", "WECHAT_ID", "NAME_COMPANY"}))
            @QueryParam("reason") String reason,
            @Parameter(description = "Page number, from 0") @QueryParam("page") Integer page,
            @Parameter(description = "Groups per page, 1–200 (default 20)") @QueryParam("size") Integer size) {
        return service.duplicates(reason, page, size);
    }
}
