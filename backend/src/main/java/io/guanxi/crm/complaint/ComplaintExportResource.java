package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintResponse;
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

@Path("/api/v1/complaints/export")
@Tag(name = ApiTags.COMPLAINTS)
public class ComplaintExportResource {

    static final List<ExportColumn<ComplaintResponse>> COLUMNS = List.of(
            ExportColumn.of("receivedAt", c -> c.sla() == null ? null : c.sla().receivedAt()),
            ExportColumn.of("contact", ComplaintResponse::contactName),
            ExportColumn.translated("channel", "export.complaintChannel", ComplaintResponse::channel),
            ExportColumn.translated("category", "complaints.category", ComplaintResponse::category),
            ExportColumn.translated("severity", "complaints.severity", ComplaintResponse::severity),
            ExportColumn.translated("state", "complaints.state", ComplaintResponse::state),
            ExportColumn.of("description", ComplaintResponse::description),
            ExportColumn.of("assignee", ComplaintResponse::assigneeName),
            ExportColumn.of("resolveDueAt", c -> c.sla() == null ? null : c.sla().resolveDueAt()),
            ExportColumn.of("resolvedAt", c -> c.sla() == null ? null : c.sla().resolvedAt()),
            ExportColumn.of("satisfaction", ComplaintResponse::satisfaction),
            ExportColumn.of("compensationPoints", ComplaintResponse::compensationPoints),
            ExportColumn.of("reopenCount", ComplaintResponse::reopenCount),
            ExportColumn.of("id", c -> c.id().toString()));

    @Inject
    ComplaintService service;

    @Inject
    ListExports exports;

    @GET
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"})
    @RolesAllowed({Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN, Role.Names.SALES_REP})
    @Operation(summary = "Export the complaint list as CSV or XLSX", description = "The complaints the list shows with the same filters and "
            + "sort," + " streamed page by page through the list itself, so the same filters, visibility and masking; at most 100 000 rows (narrow "
                    + "the filters beyond). `columns` picks columns in order, `ids` an explicit selection. Headers in the language of "
                    + "Accept-Language (en, else zh-CN). Recorded in the audit trail with its filters.")
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "A contact the filters name does not exist or is not visible to you (as the list answers)")
    public Response exportComplaints(
            @Parameter(description = "csv (default) or xlsx", schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
            @Parameter(description = "Columns in order, comma-separated (default all)") @QueryParam("columns") String columns,
            @Parameter(description = "Only these (comma-separated ids, at most 200), still within the filters") @QueryParam("ids") String ids,
            @QueryParam("state") ComplaintState state, @QueryParam("severity") Severity severity,
            @QueryParam("category") ComplaintCategory category, @QueryParam("assigneeId") UUID assigneeId,
            @QueryParam("contactId") UUID contactId, @QueryParam("open") Boolean open, @QueryParam("breached") Boolean breached,
            @Parameter(description = "As the list's sort") @QueryParam("sort") String sort,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "state", state);
        put(filters, "severity", severity);
        put(filters, "category", category);
        put(filters, "assigneeId", assigneeId);
        put(filters, "contactId", contactId);
        put(filters, "open", open);
        put(filters, "breached", breached);
        put(filters, "sort", sort);
        ListExports.Export<ComplaintResponse> file = new ListExports.Export<>("complaints", exports.format(format),
                exports.columns(columns, COLUMNS), ExportLabels.forAcceptLanguage(acceptLanguage), filters);
        return exports.respondPaged(file,
                (page, size) -> service.list(state, severity, category, assigneeId, contactId, open, breached, page, size, sort),
                exports.ids(ids), ComplaintResponse::id);
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
