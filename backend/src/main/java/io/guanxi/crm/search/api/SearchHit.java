package io.guanxi.crm.search.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record found: what to show (a title and a line under it) and the id to open it by. */
public record SearchHit(@Schema(required = true) UUID id,
        @Schema(required = true, description = "The contact's name (for a lead or complaint: its customer's)") String title,
        @Schema(description = "Contact: company · mobile; lead: product interest; complaint: the start of its description")
        String subtitle) {
}
