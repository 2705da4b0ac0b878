package io.guanxi.crm.activity;

import io.guanxi.crm.activity.api.ActivityResponse;
import java.time.LocalDate;
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

@Path("/api/v1/activities/export")
@Tag(name = ApiTags.ACTIVITIES)
public class ActivityExportResource {

    static final List<ExportColumn<ActivityResponse>> COLUMNS = List.of(
            ExportColumn.of("dueAt", ActivityResponse::dueAt),
            ExportColumn.translated("kind", "activities.kind", ActivityResponse::kind),
            ExportColumn.of("title", ActivityResponse::title),
            ExportColumn.of("contact", ActivityResponse::contactName),
            ExportColumn.of("assignee", ActivityResponse::assigneeName),
            ExportColumn.translated("priority", "activities.priority", ActivityResponse::priority),
            ExportColumn.translated("status", "export.activityStatus", ActivityResponse::status),
            ExportColumn.of("outcome", ActivityResponse::outcome),
            ExportColumn.of("completedAt", ActivityResponse::completedAt),
            ExportColumn.of("createdAt", ActivityResponse::createdAt),
            ExportColumn.of("id", a -> a.id().toString()));

    @Inject
    ActivityService service;

    @Inject
    ListExports exports;

    @GET
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.SALES_REP, Role.Names.SERVICE_AGENT})
    @Operation(summary = "Export the activity list as CSV or XLSX", description = "The activities the list shows with the same filters and "
            + "sort," + " streamed page by page through the list itself, so the same filters, visibility and masking; at most 100 000 rows (narrow "
                    + "the filters beyond). `columns` picks columns in order, `ids` an explicit selection. Headers in the language of "
                    + "Accept-Language (en, else zh-CN). Recorded in the audit trail with its filters.")
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "A contact, lead or complaint the filters name does not exist or is not visible to you (as the list answers)")
    public Response exportActivities(
            @Parameter(description = "csv (default) or xlsx", schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
            @Parameter(description = "Columns in order, comma-separated (default all)") @QueryParam("columns") String columns,
            @Parameter(description = "Only these (comma-separated ids, at most 200), still within the filters") @QueryParam("ids") String ids,
            @Parameter(description = "me (default), all, or a user id") @QueryParam("assignee") String assignee,
            @QueryParam("due") ActivityService.DueWindow due,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @Parameter(description = "OPEN when omitted, except with a from/to range (then any)") @QueryParam("status") ActivityStatus status,
            @QueryParam("kind") List<ActivityKind> kinds, @QueryParam("contactId") UUID contactId,
            @QueryParam("leadId") UUID leadId, @QueryParam("complaintId") UUID complaintId,
            @Parameter(description = "As the list's sort") @QueryParam("sort") String sort,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ActivityStatus wanted = status != null || from != null || to != null ? status : ActivityStatus.OPEN;
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "assignee", assignee);
        put(filters, "due", due);
        put(filters, "from", from);
        put(filters, "to", to);
        put(filters, "status", wanted);
        put(filters, "kind", kinds == null || kinds.isEmpty() ? null : kinds);
        put(filters, "contactId", contactId);
        put(filters, "leadId", leadId);
        put(filters, "complaintId", complaintId);
        put(filters, "sort", sort);
        ListExports.Export<ActivityResponse> file = new ListExports.Export<>("activities", exports.format(format),
                exports.columns(columns, COLUMNS), ExportLabels.forAcceptLanguage(acceptLanguage), filters);
        return exports.respondPaged(file,
                (page, size) -> service.list(assignee, due, from, to, wanted, kinds, contactId, leadId, complaintId, page, size, sort),
                exports.ids(ids), ActivityResponse::id);
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
