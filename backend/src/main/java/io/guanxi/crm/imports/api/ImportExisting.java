package io.guanxi.crm.imports.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An existing contact a group of rows may be. Id and name only when the importer may see it (another rep's customer
 * is a duplicate too, but stays anonymous); editable: whether FILL_EMPTY and OVERWRITE can change it.
 */
@Schema(name = "ImportExisting")
public record ImportExisting(UUID id, String name, boolean visibleToYou, boolean editable) {
}
