package io.guanxi.crm.imports;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded file into lines of text cells. The content decides the format, not the name: a ZIP is an XLSX
 * (its first sheet; formulas are never evaluated, their cached value is read; date cells become yyyy-MM-dd), anything
 * else is a CSV in UTF-8 (with or without BOM) or, when it is not valid UTF-8, GB18030 (which covers GBK), with a
 * comma, semicolon or tab as delimiter. Binary garbage and the old .xls format are refused with a problem.
 */
final class ImportFiles {

    /** A line of the file: its number (1-based, as a spreadsheet shows it) and its cells. */
    record Line(int rowNo, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** What was read: format (CSV, XLSX), encoding (UTF-8, UTF-8-BOM, GB18030; null for XLSX) and the non-empty lines. */
    record Parsed(String format, String encoding, List<Line> lines) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** The most non-empty rows one file may hold (what the dry run, the preview and the commit keep in memory). */
    static final int MAX_ROWS = 200_000;
    /** The most columns a row may have: far beyond any contact file, and what keeps a row's cells bounded. */
    static final int MAX_COLUMNS = 200;
    /** The most bytes an XLSX may unpack to: a small zip of repeated XML must not expand without end. */
    static final long MAX_XLSX_UNPACKED = 1L << 30;
    /** A reference attribute (a cell's {@code r="B7"}, a row's {@code r="7"}), before its quote. */
    private static final byte[] REFERENCE = " r=".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    // Compiled once: a 10⁵-row workbook asks them of every numeric cell.
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]");

    private ImportFiles() {
    }

    static Parsed read(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            throw unreadable("The file is empty", "EMPTY");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return readXlsx(file);
        }
        if (n >= 8 && ReadableWorkbook.isOLE2Header(head)) {
            throw unreadable("This is an old Excel (.xls) file; save it as .xlsx or .csv and upload that", "XLS_NOT_SUPPORTED");
        }
        return readCsv(Files.readAllBytes(file));
    }

    static ProblemException unreadable(String detail, String code) {
        return new ProblemException(422, ProblemTypes.IMPORT_UNREADABLE, "File cannot be imported", detail, List.of(),
                Map.of("code", code));
    }

    private static Parsed readXlsx(Path file) {
        checkUnpacked(file);
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                if (row.getCellCount() > MAX_COLUMNS) {
                    throw tooWide();
                }
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                Line line = new Line(row.getRowNum(), cells);
                if (!line.blank()) {
                    lines.add(line);
                    if (lines.size() > MAX_ROWS) {
                        throw tooManyRows();
                    }
                }
            });
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("The file looks like an Excel workbook but cannot be read", "BROKEN_XLSX");
        }
        return new Parsed("XLSX", null, lines);
    }

    /** A cell's text: its cached value for a formula (never evaluated), a date as yyyy-MM-dd, a number in plain digits. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return null;
        }
        String raw = cell.getRawValue();
        if (raw == null) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER || (cell.getType() == CellType.FORMULA && isNumber(raw))) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                try {
                    return cell.asDate().toLocalDate().format(DATE);
                } catch (RuntimeException e) {
                    return raw;
                }
            }
            try {
                BigDecimal number = new BigDecimal(raw).stripTrailingZeros();
                // 1E+999999999 written out would be a billion digits: beyond 30 digits either side, keep the text.
                return number.precision() - number.scale() > 30 || number.scale() > 30 ? raw : number.toPlainString();
            } catch (NumberFormatException | ArithmeticException e) {
                return raw;
            }
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
        }
        return cell.getType() == CellType.STRING ? cell.asString() : raw;
    }

    private static boolean isNumber(String raw) {
        return NUMBER.matcher(raw).matches();
    }

    private static boolean isDateFormat(String format) {
        String bare = FORMAT_LITERALS.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        return (bare.contains("y") || bare.contains("d")) && !bare.contains("0.0") || bare.contains("年") || bare.contains("月");
    }

    static Parsed readCsv(byte[] bytes) {
        String encoding;
        String text;
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
            encoding = "UTF-8-BOM";
        } else {
            encoding = "UTF-8";
        }
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(content).toString();
        } catch (CharacterCodingException notUtf8) {
            if (start > 0) {
                throw unreadable("The file starts as UTF-8 but is not valid UTF-8", "BAD_ENCODING");
            }
            try {
                text = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                encoding = "GB18030";
            } catch (CharacterCodingException notGb) {
                throw unreadable("The file is neither UTF-8 nor GBK/GB18030 text", "BAD_ENCODING");
            }
        }
        if (looksBinary(text)) {
            throw unreadable("The file is not a CSV or XLSX file", "NOT_TABULAR");
        }
        char delimiter = delimiter(text);
        List<Line> lines = new ArrayList<>();
        int rowNo = 0;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                if (cells.size() >= MAX_COLUMNS) {
                    throw tooWide();
                }
            } else if (c == '\n' || c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
                rowNo++;
                Line line = new Line(rowNo, cells);
                if (!line.blank()) {
                    lines.add(line);
                    if (lines.size() > MAX_ROWS) {
                        throw tooManyRows();
                    }
                }
                cells = new ArrayList<>();
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                cell.append(c);
            }
            i++;
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rowNo++;
            Line line = new Line(rowNo, cells);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        return new Parsed("CSV", encoding, lines);
    }

    /** Text with NUL (anywhere: PostgreSQL cannot store it) or many other control characters is not a table. */
    private static boolean looksBinary(String text) {
        if (text.indexOf('\u0000') >= 0) {
            return true;
        }
        int sample = Math.min(text.length(), 65536);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control > sample / 100;
    }

    private static ProblemException tooManyRows() {
        return unreadable("The file has more than " + MAX_ROWS + " rows; split it into smaller files", "TOO_MANY_ROWS");
    }

    private static ProblemException tooWide() {
        return unreadable("A row has more than " + MAX_COLUMNS + " columns", "TOO_WIDE");
    }

    /**
     * Before fastexcel reads the workbook: every entry is unpacked once, counting the bytes it really
     * holds (not what its header claims) up to {@link #MAX_XLSX_UNPACKED}, and every cell reference of the
     * sheets is checked against {@link #MAX_COLUMNS}: the reader sizes a row by its last cell's column, so
     * one cell at column AAAAAAA would make it allocate hundreds of millions of slots.
     */
    private static void checkUnpacked(Path file) {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        // The central directory's view of the entries, as the reader opens them.
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                boolean sheet = entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml");
                int matched = 0;
                int column = -1;
                InputStream in = zip.getInputStream(entry);
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_XLSX_UNPACKED) {
                        throw unreadable("The workbook unpacks to more than " + (MAX_XLSX_UNPACKED >> 20) + " MB", "TOO_LARGE");
                    }
                    if (!sheet) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (column >= 0) {
                            if (b >= 'A' && b <= 'Z') {
                                column = column * 26 + (b - 'A' + 1);
                                if (column > MAX_COLUMNS) {
                                    throw tooWide();
                                }
                                continue;
                            }
                            column = -1;
                        }
                        if (matched == REFERENCE.length) {
                            // The attribute's value begins after its quote (either kind); its letters are the column.
                            matched = 0;
                            column = b == '"' || b == '\'' ? 0 : -1;
                            continue;
                        }
                        matched = b == REFERENCE[matched] ? matched + 1 : (b == REFERENCE[0] ? 1 : 0);
                    }
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("The file looks like an Excel workbook but cannot be read", "BROKEN_XLSX");
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long max = Arrays.stream(new long[] {commas, semicolons, tabs}).max().orElse(0);
        if (max == 0 || max == commas) {
            return ',';
        }
        return max == tabs ? '\t' : ';';
    }
}
