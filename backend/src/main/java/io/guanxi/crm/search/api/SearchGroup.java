package io.guanxi.crm.search.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The first records of one kind that match, and whether more do (open the kind's list to see them). */
public record SearchGroup(@Schema(required = true) List<SearchHit> items,
        @Schema(required = true, description = "More records of this kind match than are listed") boolean more) {

    public static final SearchGroup EMPTY = new SearchGroup(List.of(), false);
}
