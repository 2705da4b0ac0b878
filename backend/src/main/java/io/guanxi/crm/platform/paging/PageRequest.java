package io.guanxi.crm.platform.paging;

import io.guanxi.crm.platform.error.ProblemException;
import java.util.Map;

/**
 * Validated paging and sorting from the query string ({@code page=0&size=20&sort=name,asc}). The
 * sort field is looked up in a whitelist that maps API names to SQL expressions, so a client can
 * never inject SQL through it.
 */
public record PageRequest(int page, int size, String orderBySql) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortableColumns,
            String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalidField("page", "must be 0 or greater");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        if (p > 100_000) {
            throw ProblemException.invalidField("page", "must be at most 100000; narrow the filters instead");
        }
        String spec = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        String[] parts = spec.split(",", -1);
        if (parts.length > 2) {
            throw ProblemException.invalidField("sort", "must be 'field' or 'field,asc|desc'");
        }
        String column = sortableColumns.get(parts[0].trim());
        if (column == null) {
            throw ProblemException.invalidField("sort",
                    "can sort by " + String.join(", ", sortableColumns.keySet().stream().sorted().toList()));
        }
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ProblemException.invalidField("sort", "direction must be asc or desc");
        }
        // Empty values sort last either way; callers append a unique tie-breaker for stable pages.
        return new PageRequest(p, s, column + " " + direction + " NULLS LAST");
    }

    public int offset() {
        return page * size;
    }
}
