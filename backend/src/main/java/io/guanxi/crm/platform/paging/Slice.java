package io.guanxi.crm.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many there are, and the first few of them: a summary card, not a page. */
public record Slice<T>(@Schema(required = true) long total, @Schema(required = true) List<T> first) {
}
