package io.guanxi.crm.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Search results grouped by kind; a kind the caller's role does not work with is always empty. */
public record SearchResponse(@Schema(required = true) SearchGroup contacts, @Schema(required = true) SearchGroup leads,
        @Schema(required = true) SearchGroup complaints) {
}
