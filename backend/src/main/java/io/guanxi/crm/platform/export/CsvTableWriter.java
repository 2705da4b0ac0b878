package io.guanxi.crm.platform.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** RFC 4180 CSV; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
final class CsvTableWriter implements TableWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Writer out;
    private final ZoneId zone;
    private boolean first = true;

    CsvTableWriter(OutputStream stream, ZoneId zone) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.zone = zone;
        out.write('\uFEFF');
    }

    @Override
    public void table(String title, List<String> headers) throws IOException {
        if (!first) {
            out.write("\r\n");
            line(List.of(title));
        }
        first = false;
        line(headers);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        line(cells);
    }

    private void line(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone));
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
