package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.platform.export.ExportFormat;
import io.guanxi.crm.platform.export.ExportLabels;
import io.guanxi.crm.platform.export.ListExports;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.privacy.Masks;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/export")
@Tag(name = ApiTags.CONTACTS)
public class ContactExportResource {

    @Inject
    ContactExport export;

    @Inject
    ListExports exports;

    @GET
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Export the contact list as CSV or XLSX",
            description = "The contacts the list shows with the same filters (a sales rep only their own), every row in "
                    + "the list's order (`sort` as the list takes it, default createdAt,desc), streamed; mobiles and emails masked as in the list. `columns` picks columns in order (default all), `ids` "
                    + "an explicit selection (at most 200, still within the filters and your visibility). Headers and enum values "
                    + "in the language of Accept-Language (en, else zh-CN). More rows than guanxi.export.async-threshold "
                    + "(default 100 000), or async=true: 202 with a job; follow GET /api/v1/exports/{id}, download …/file. "
                    + "Recorded in the audit trail with its filters.")
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Written by a background job: follow the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.guanxi.crm.platform.jobs.JobResponse.class)))
    public Response exportContacts(
            @Parameter(description = "csv (default) or xlsx", schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
            @Parameter(description = "Columns in order, comma-separated: name, mobile, email, wechatId, company, industry, region, city, "
                    + "birthday, lifecycleStage, sourceChannel, preferredChannel, personalityType, tags, abcTier, membershipLevel, owner, "
                    + "marketingConsent, completeness, lastContactedAt, createdAt, id") @QueryParam("columns") String columns,
            @Parameter(description = "Only these contacts (comma-separated ids, at most 200)") @QueryParam("ids") String ids,
            @Parameter(description = "true: always as a background job") @QueryParam("async") Boolean async,
            @Parameter(description = "Search text, as the list's q") @QueryParam("q") String q,
            @QueryParam("ownerId") UUID ownerId,
            @Parameter(description = "Tag; repeat for contacts having all of them") @QueryParam("tag") List<String> tags,
            @QueryParam("lifecycleStage") LifecycleStage lifecycleStage,
            @QueryParam("region") Region region,
            @QueryParam("industry") String industry,
            @Parameter(schema = @Schema(enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("abcTier") String abcTier,
            @Parameter(schema = @Schema(enumeration = {"SILVER", "GOLD", "PLATINUM"})) @QueryParam("membershipLevel") String membershipLevel,
            @QueryParam("archived") Boolean archived,
            @Parameter(description = "As the list's sort: field,asc|desc; fields name (pinyin), company, createdAt, updatedAt, "
                    + "lastContactedAt, completeness", example = "name,asc") @QueryParam("sort") String sort,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ExportFormat chosen = exports.format(format);
        ListExports.Export<ContactResponse> file = new ListExports.Export<>("contacts", chosen,
                exports.columns(columns, ContactExport.COLUMNS), ExportLabels.forAcceptLanguage(acceptLanguage),
                filters(q, ownerId, tags, lifecycleStage, region, industry, abcTier, membershipLevel, archived, ids, sort));
        Set<UUID> selected = exports.ids(ids);
        ContactQuery query = new ContactQuery(q, ownerId, tags, lifecycleStage, region, industry, Boolean.TRUE.equals(archived), abcTier,
                membershipLevel);
        ContactExport.Prepared prepared = export.prepare(query, selected, sort);
        return exports.respond(file, prepared.rows(), Boolean.TRUE.equals(async),
                (writer, progress) -> export.write(prepared.selection(), file, writer, progress));
    }

    /** The filters as given, for the audit entry; the search text masked (it may be a name or a number). */
    private static Map<String, String> filters(String q, UUID ownerId, List<String> tags, LifecycleStage stage, Region region,
            String industry, String abcTier, String membershipLevel, Boolean archived, String ids, String sort) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            filters.put("q", Masks.name(q.strip()));
        }
        put(filters, "ownerId", ownerId);
        if (tags != null && !tags.isEmpty()) {
            filters.put("tag", String.join(",", tags));
        }
        put(filters, "lifecycleStage", stage);
        put(filters, "region", region);
        put(filters, "industry", industry);
        put(filters, "abcTier", abcTier);
        put(filters, "membershipLevel", membershipLevel);
        put(filters, "archived", archived);
        if (sort != null && !sort.isBlank()) {
            filters.put("sort", sort.strip());
        }
        if (ids != null && !ids.isBlank()) {
            filters.put("ids", ids.split(",").length + " selected");
        }
        return filters;
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
