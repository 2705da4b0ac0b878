package io.guanxi.crm.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** XLSX through fastexcel: one sheet per table, rows flushed every {@value #FLUSH_EVERY} so memory stays flat. */
final class XlsxTableWriter implements TableWriter {

    private static final int FLUSH_EVERY = 1_000;
    /** Excel's limits: 31 characters in a sheet name, none of these in it. */
    private static final String SHEET_NAME_FORBIDDEN = "[\\\\/?*\\[\\]:]";

    private final Workbook workbook;
    private final ZoneId zone;
    private Worksheet sheet;
    private int row;
    private int sheets;

    XlsxTableWriter(OutputStream out, ZoneId zone) {
        this.workbook = new Workbook(out, "Guanxi CRM", "1.0");
        this.zone = zone;
    }

    @Override
    public void table(String title, List<String> headers) throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        String name = title.replaceAll(SHEET_NAME_FORBIDDEN, " ").strip();
        name = (name.isEmpty() ? "Sheet" : name);
        name = name.length() > 27 ? name.substring(0, 27) : name;
        sheet = workbook.newWorksheet(sheets == 1 ? name : name + " " + sheets);
        row = 0;
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(row, c, headers.get(c));
            sheet.style(row, c).bold().set();
        }
        row++;
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value == null) {
                continue;
            }
            if (value instanceof BigDecimal decimal) {
                sheet.value(row, c, decimal);
            } else if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else if (value instanceof Instant instant) {
                sheet.value(row, c, instant.atZone(zone).toLocalDateTime());
                sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
            } else if (value instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else {
                // Inline: a shared-strings table would hold every distinct text of the file in memory. Either way
                // the cell is text (t="inlineStr"), never a formula, whatever it starts with.
                sheet.inlineString(row, c, value.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (sheet == null) {
            table("Sheet", List.of());
        }
        sheet.finish();
        workbook.finish();
    }
}
