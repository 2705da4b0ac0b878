package io.guanxi.crm.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where the page is, and how many items match in total. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
