package io.guanxi.crm.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The completed activity and, when one was asked for, the next one scheduled in the same step. */
@Schema(name = "ActivityCompletion")
public record ActivityCompletion(@Schema(required = true) ActivityResponse completed, ActivityResponse next) {
}
