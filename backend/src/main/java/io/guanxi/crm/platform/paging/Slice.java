package io.guanxi.crm.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many there are, and the first few of them: a summary card, not a page. Counting stops at
 * {@link #COUNT_CAP} (a card says "1000+"; a rep with 70 000 overdue calls learns nothing more from the
 * exact figure, and the today page stays fast): {@code capped} then says {@code total} is a lower bound.
 */
public record Slice<T>(@Schema(required = true) long total,
        @Schema(required = true, description = "total is a lower bound: counting stopped at 1000") boolean capped,
        @Schema(required = true) List<T> first) {

    public static final int COUNT_CAP = 1000;

    /** A slice from a count taken with {@link #COUNT_CAP} + 1 as its limit. */
    public static <T> Slice<T> of(long countedUpToCapPlusOne, List<T> first) {
        return new Slice<>(Math.min(countedUpToCapPlusOne, COUNT_CAP), countedUpToCapPlusOne > COUNT_CAP, first);
    }

    /** SQL: counts the rows of {@code select} (any select list) up to the cap and one more. */
    public static String countUpToCap(String select) {
        return "SELECT count(*) FROM (" + select + " LIMIT " + (COUNT_CAP + 1) + ") AS counted";
    }
}
