package io.guanxi.crm.activity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Of the team's activities due so far this week (not cancelled), how many were done before they fell overdue. */
@Schema(name = "OnTime")
public record OnTime(@Schema(required = true) long due, @Schema(required = true) long doneOnTime) {
}
