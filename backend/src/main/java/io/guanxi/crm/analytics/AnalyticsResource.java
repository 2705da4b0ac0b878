package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.analytics.api.AnalyticsReport;
import io.guanxi.crm.analytics.api.DrillRow;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.export.ExportFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics")
@Tag(name = ApiTags.ANALYTICS)
@RolesAllowed({Role.Names.SALES_REP, Role.Names.SERVICE_AGENT, Role.Names.MANAGER, Role.Names.ADMIN})
public class AnalyticsResource {

    private static final String SCOPE = " A rep's figures cover their own customers and leads only, whatever the filters; managers, "
            + "admins and service agents see the team's. The definitions: docs/analytics.md.";

    @Inject
    Analytics analytics;

    @Inject
    AnalyticsExport export;

    @Inject
    AuditTrail audit;

    @GET
    @Path("/{section}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A section's figures for a period, with the previous period beside each number",
            description = "Cards (numbers) and tables (breakdowns, drawn as charts); each number names the figure whose rows are "
                    + "behind it (…/{section}/drill/{figure})." + SCOPE)
    public AnalyticsReport getAnalytics(@PathParam("section") Section section, @QueryParam("period") PeriodPreset period,
            @Parameter(description = "First day, with period=CUSTOM") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day (included), with period=CUSTOM") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only this rep's customers and leads") @QueryParam("ownerId") UUID ownerId,
            @Parameter(description = "Only customers (and leads) of this region", schema = @Schema(implementation = String.class,
                    enumeration = {"EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST", "NORTHEAST", "HK_MACAO_TAIWAN",
                            "OVERSEAS"})) @QueryParam("region") String region,
            @Parameter(description = "Only customers of this ABC tier", schema = @Schema(implementation = String.class,
                    enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("tier") String tier) {
        return analytics.report(section, analytics.query(period, from, to, ownerId, region, tier));
    }

    @GET
    @Path("/{section}/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "A section's figures as CSV or XLSX",
            description = "All cards and tables (XLSX: one sheet each), or only the table named by `table`. Headers in the language of "
                    + "Accept-Language (en, else zh-CN); ratios as percentages." + SCOPE)
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportAnalytics(@PathParam("section") Section section, @QueryParam("format") ExportFormat format,
            @Parameter(description = "Only this table of the section") @QueryParam("table") String table,
            @QueryParam("period") PeriodPreset period, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("ownerId") UUID ownerId,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST",
                    "NORTHWEST", "NORTHEAST", "HK_MACAO_TAIWAN", "OVERSEAS"})) @QueryParam("region") String region,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("tier") String tier,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ExportFormat chosen = format == null ? ExportFormat.XLSX : format;
        AnalyticsReport report = analytics.report(section, analytics.query(period, from, to, ownerId, region, tier));
        export.requireTable(report, table);
        AnalyticsLabels labels = AnalyticsLabels.forAcceptLanguage(acceptLanguage);
        StreamingOutput body = out -> export.writeReport(report, table, chosen, labels, out);
        String name = "analytics-" + section.name().toLowerCase() + (table == null ? "" : "-" + table) + "-" + report.from() + "_"
                + report.to() + "." + chosen.extension();
        audit.record(AuditAction.EXPORT, "analytics", null, null, List.of(new FieldChange("file", null, name)));
        return file(body, chosen, name);
    }

    @GET
    @Path("/{section}/drill/{figure}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The records behind a figure, newest first",
            description = "As many rows as the figure counts: the figure is a card's or a table cell's `drill`, `key` the table row's "
                    + "key." + SCOPE)
    public PageResponse<DrillRow> drillAnalytics(@PathParam("section") Section section, @PathParam("figure") String figure,
            @Parameter(description = "The table row's key, for a figure of a table cell") @QueryParam("key") String key,
            @QueryParam("period") PeriodPreset period, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("ownerId") UUID ownerId,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST",
                    "NORTHWEST", "NORTHEAST", "HK_MACAO_TAIWAN", "OVERSEAS"})) @QueryParam("region") String region,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("tier") String tier,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        AnalyticsQuery query = analytics.query(period, from, to, ownerId, region, tier);
        return analytics.drill(analytics.drillQuery(section, figure, key, query), page, size);
    }

    @GET
    @Path("/{section}/drill/{figure}/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The records behind a figure as CSV or XLSX, streamed",
            description = "Every row (up to 1 000 000), in the order of the list. Headers in the language of Accept-Language." + SCOPE)
    @APIResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportDrillAnalytics(@PathParam("section") Section section, @PathParam("figure") String figure,
            @QueryParam("key") String key, @QueryParam("format") ExportFormat format,
            @QueryParam("period") PeriodPreset period, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("ownerId") UUID ownerId,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST",
                    "NORTHWEST", "NORTHEAST", "HK_MACAO_TAIWAN", "OVERSEAS"})) @QueryParam("region") String region,
            @Parameter(schema = @Schema(implementation = String.class, enumeration = {"A", "B", "C", "INACTIVE"})) @QueryParam("tier") String tier,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ExportFormat chosen = format == null ? ExportFormat.XLSX : format;
        AnalyticsQuery query = analytics.query(period, from, to, ownerId, region, tier);
        DrillQuery drill = analytics.drillQuery(section, figure, key, query);
        AnalyticsLabels labels = AnalyticsLabels.forAcceptLanguage(acceptLanguage);
        String title = labels.analytics("card", figure);
        StreamingOutput body = out -> export.writeDrill(drill, title, chosen, labels, out);
        String name = "analytics-" + figure + (key == null ? "" : "-" + key) + "-" + query.period().from() + "_" + query.period().to()
                + "." + chosen.extension();
        // The drill's rows name customers: the export is personal data leaving the system.
        audit.record(AuditAction.EXPORT, "analytics_drill", null, null, List.of(new FieldChange("file", null, name)));
        return file(body, chosen, name);
    }

    private static Response file(StreamingOutput body, ExportFormat format, String name) {
        return Response.ok(body, format.mediaType()).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
