package io.guanxi.crm.platform.export;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One column a list may export: its name in the {@code columns} parameter (the list's field name), and
 * the cell of a row as the list shows it (masked values stay masked). The header is
 * {@code export.<list>.<name>} in the reader's language.
 */
public record ExportColumn<R>(String name, BiFunction<R, ExportLabels, Object> cell) {

    public static <R> ExportColumn<R> of(String name, Function<R, Object> cell) {
        return new ExportColumn<>(name, (row, labels) -> cell.apply(row));
    }

    /** An enum column, written in the reader's language. */
    public static <R> ExportColumn<R> translated(String name, Function<R, Enum<?>> cell) {
        return new ExportColumn<>(name, (row, labels) -> labels.enumText(cell.apply(row)));
    }

    /** An enum column whose texts the web app keeps under {@code textPath} (e.g. {@code leads.status}). */
    public static <R> ExportColumn<R> translated(String name, String textPath, Function<R, Enum<?>> cell) {
        return new ExportColumn<>(name, (row, labels) -> {
            Enum<?> value = cell.apply(row);
            return value == null ? null : labels.get(textPath + "." + value.name());
        });
    }
}
