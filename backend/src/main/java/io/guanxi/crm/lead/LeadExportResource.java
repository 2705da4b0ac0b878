package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.LeadResponse;
import io.guanxi.crm.platform.export.ExportColumn;
import io.guanxi.crm.platform.export.ExportLabels;
import io.guanxi.crm.platform.export.ListExports;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/export")
@Tag(name = ApiTags.LEADS)
public class LeadExportResource {

    static final List<ExportColumn<LeadResponse>> COLUMNS = List.of(
            ExportColumn.of("contact", LeadResponse::contactName),
            ExportColumn.translated("status", "leads.status", LeadResponse::status),
            ExportColumn.of("score", LeadResponse::matchScore),
            ExportColumn.translated("level", "export.leadLevel", LeadResponse::level),
            ExportColumn.translated("source", LeadResponse::sourceChannel),
            ExportColumn.of("productInterest", LeadResponse::productInterest),
            ExportColumn.of("industry", LeadResponse::industry),
            ExportColumn.translated("region", LeadResponse::region),
            ExportColumn.of("budget", LeadResponse::budget),
            ExportColumn.of("owner", LeadResponse::ownerName),
            ExportColumn.of("assignedAt", LeadResponse::assignedAt),
            ExportColumn.of("createdAt", LeadResponse::createdAt),
            ExportColumn.of("id", l -> l.id().toString()));

    @Inject
    LeadService service;

    @Inject
    ListExports exports;

    @GET
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"})
    @RolesAllowed({Role.Names.SALES_REP, Role.Names.MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Export the lead list as CSV or XLSX", description = "The leads the list shows with the same filters and sort,"
            + " streamed page by page through the list itself, so the same filters, visibility and masking; at most 100 000 rows (narrow "
                    + "the filters beyond). `columns` picks columns in order, `ids` an explicit selection. Headers in the language of "
                    + "Accept-Language (en, else zh-CN). Recorded in the audit trail with its filters.")
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportLeads(
            @Parameter(description = "csv (default) or xlsx", schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
            @Parameter(description = "Columns in order, comma-separated (default all)") @QueryParam("columns") String columns,
            @Parameter(description = "Only these (comma-separated ids, at most 200), still within the filters") @QueryParam("ids") String ids,
            @Parameter(description = "mine | unassigned | priority") @QueryParam("queue") LeadQueue queue,
            @QueryParam("status") LeadStatus status,
            @Parameter(description = "As the list's sort") @QueryParam("sort") String sort,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "queue", queue);
        put(filters, "status", status);
        put(filters, "sort", sort);
        ListExports.Export<LeadResponse> file = new ListExports.Export<>("leads", exports.format(format), exports.columns(columns, COLUMNS),
                ExportLabels.forAcceptLanguage(acceptLanguage), filters);
        return exports.respondPaged(file, (page, size) -> service.list(queue, status, page, size, sort), exports.ids(ids), LeadResponse::id);
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
