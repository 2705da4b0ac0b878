package io.guanxi.crm.imports.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the commit did (contacts created, updated, rows skipped and invalid) and, after an undo, what it put back
 * (contacts removed, fields restored, fields left as someone changed them since).
 */
@Schema(name = "ImportResult")
public record ImportResult(int created, int updated, int skipped, int invalid, Integer removed, Integer fieldsRestored,
        Integer fieldsKept) {
}
