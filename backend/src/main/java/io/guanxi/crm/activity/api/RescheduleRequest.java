package io.guanxi.crm.activity.api;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new due time or due day (one of them). */
@Schema(name = "RescheduleRequest")
public record RescheduleRequest(Instant dueAt, LocalDate dueDate) {
}
