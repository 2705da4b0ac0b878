package io.guanxi.crm.activity.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many overdue activities one person of the team has. */
@Schema(name = "TeamLoad")
public record TeamLoad(@Schema(required = true) UUID assigneeId, String assigneeName, @Schema(required = true) long overdue) {
}
