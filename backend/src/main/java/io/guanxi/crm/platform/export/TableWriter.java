package io.guanxi.crm.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes tables row by row to a CSV or XLSX stream with constant memory: XLSX rows are flushed to the
 * stream as they come ({@code org.dhatim:fastexcel}). A CSV holds one table; further tables follow
 * after an empty line and their title. Cells are text, numbers, instants (shown in the business time
 * zone), dates or empty.
 */
public interface TableWriter extends AutoCloseable {

    /** Starts a table (an XLSX sheet) with its title and header row. */
    void table(String title, List<String> headers) throws IOException;

    void row(List<?> cells) throws IOException;

    /** Finishes the file; the stream stays open for the caller. */
    @Override
    void close() throws IOException;

    static TableWriter open(ExportFormat format, OutputStream out, ZoneId zone) throws IOException {
        return format == ExportFormat.CSV ? new CsvTableWriter(out, zone) : new XlsxTableWriter(out, zone);
    }
}
