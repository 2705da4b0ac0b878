package io.guanxi.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Rows are read by name, not position" (issue 14), kept by the build: query results are read
 * through {@code platform.db.Rows} by column alias, so no main source may ask for Object[] rows,
 * cast a result to Object[], or cast a column to Number. A source scan, because casts and class
 * literals in arguments are what bytecode rules see least clearly.
 */
class RowsByNameTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Positional reads: an Object[] result class, a cast to a row array, a list of rows, a cast to Number. */
    private static final Pattern POSITIONAL = Pattern.compile("Object\\[]\\.class|\\(Object\\[]\\)|List<Object\\[]>|\\(Number\\)");

    /** Seed tables in the demo data, not query rows. */
    private static final List<String> ALLOWED = List.of("static final List<Object[]> USERS = List.of(");

    static List<String> positionalReads(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (POSITIONAL.matcher(line).find() && !ALLOWED.contains(line)) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void queryRowsAreReadByColumnAlias() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the backend module");
        assertEquals(List.of(), positionalReads(MAIN), "read native rows with Rows (Tuple by alias), not by position");
    }

    @Test
    void theScanFindsEachPositionalForm(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Bad.java"), """
                class Bad {
                    Object[] a = (Object[]) em.createNativeQuery(sql, Object[].class).getSingleResult();
                    List<Object[]> rows = em.createNativeQuery(sql).getResultList();
                    long n = ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
                    Tuple fine = Rows.one(em.createNativeQuery(sql, Tuple.class));
                }
                """);
        assertEquals(3, positionalReads(dir).size());
    }
}
