package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.analytics.api.AnalyticsCard;
import io.guanxi.crm.analytics.api.AnalyticsColumn;
import io.guanxi.crm.analytics.api.AnalyticsReport;
import io.guanxi.crm.analytics.api.AnalyticsRow;
import io.guanxi.crm.analytics.api.AnalyticsTable;
import io.guanxi.crm.analytics.api.DrillRow;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.export.ExportFormat;
import io.guanxi.crm.platform.export.TableWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes a section's figures, one table of it, or the rows behind a figure as CSV or XLSX, in the reader's language. */
@ApplicationScoped
public class AnalyticsExport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    Analytics analytics;

    /** Checks the table exists before anything is written (a 404 cannot follow a started download). */
    public void requireTable(AnalyticsReport report, String table) {
        if (table != null && report.tables().stream().noneMatch(t -> t.code().equals(table))) {
            throw ProblemException.notFound("Table " + report.section() + "/" + table);
        }
    }

    /** The cards and every table (XLSX: a sheet each), or one table when {@code table} names it. */
    public void writeReport(AnalyticsReport report, String table, ExportFormat format, AnalyticsLabels labels, OutputStream out)
            throws IOException {
        try (TableWriter writer = TableWriter.open(format, out, analytics.zone())) {
            if (table == null) {
                writer.table(labels.analytics("section", report.section().name()), List.of(labels.get("analytics.export.figure"),
                        labels.get("analytics.export.period") + " " + report.from() + " – " + report.to(),
                        labels.get("analytics.export.previous") + " " + report.previousFrom() + " – " + report.previousTo(), labels.get("analytics.export.unit")));
                for (AnalyticsCard card : report.cards()) {
                    writer.row(Arrays.asList(labels.analytics("card", card.code()), show(card.value(), card.unit()),
                            show(card.previous(), card.unit()), labels.analytics("unit", card.unit().name())));
                }
            }
            for (AnalyticsTable t : report.tables()) {
                if (table == null || t.code().equals(table)) {
                    writeTable(writer, t, labels);
                }
            }
        }
    }

    private static void writeTable(TableWriter writer, AnalyticsTable table, AnalyticsLabels labels) throws IOException {
        List<String> headers = new ArrayList<>();
        headers.add(labels.analytics("dimension", table.dimension().name()));
        for (AnalyticsColumn column : table.columns()) {
            String unit = column.unit() == Unit.RATIO ? " (%)" : "";
            headers.add(labels.analytics("column", column.code()) + unit);
        }
        writer.table(labels.analytics("table", table.code()), headers);
        for (AnalyticsRow row : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.label() != null ? row.label() : labels.row(table.dimension(), row.key()));
            for (int c = 0; c < table.columns().size(); c++) {
                cells.add(show(row.values().get(c), table.columns().get(c).unit()));
            }
            writer.row(cells);
        }
    }

    /** The rows behind a figure, streamed from the database into the file. */
    public void writeDrill(DrillQuery drill, String title, ExportFormat format, AnalyticsLabels labels, OutputStream out) throws IOException {
        try (TableWriter writer = TableWriter.open(format, out, analytics.zone())) {
            writer.table(title, List.of(labels.get("analytics.export.kind"), labels.get("analytics.export.title"), labels.get("analytics.export.owner"),
                    labels.get("analytics.export.at"), labels.get("analytics.export.amount"), labels.get("analytics.export.note"), labels.get("analytics.export.id")));
            analytics.eachDrillRow(drill, row -> {
                try {
                    writer.row(cells(row, labels));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<Object> cells(DrillRow row, AnalyticsLabels labels) {
        List<Object> cells = new ArrayList<>();
        cells.add(labels.analytics("kind", row.kind().name()));
        cells.add(row.title());
        cells.add(row.ownerName());
        cells.add(row.at());
        cells.add(row.amount());
        cells.add(row.note() == null ? null : labels.analytics("note", row.note()));
        cells.add(row.id().toString());
        return cells;
    }

    private static BigDecimal show(BigDecimal value, Unit unit) {
        return value == null || unit != Unit.RATIO ? value : value.multiply(HUNDRED).stripTrailingZeros();
    }
}
