package io.guanxi.crm.activity.api;

import io.guanxi.crm.activity.ActivityKind;
import io.guanxi.crm.activity.ActivityPriority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable fields of an activity, for create and full update (PUT). Give dueAt or dueDate, not both. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @NotNull @Schema(description = "The customer it is about; cannot change on update") UUID contactId,
        @NotNull ActivityKind kind,
        @Size(max = 200) @Schema(examples = "回访报价：确认演示时间") String title,
        @Size(max = 2000) String note,
        @Schema(description = "Due at this time (UTC)") Instant dueAt,
        @Schema(description = "Due on this day (business time zone), no time") LocalDate dueDate,
        @Schema(description = "NORMAL when omitted") ActivityPriority priority,
        @Schema(description = "Who does it; you when omitted. Managers and admins may give anyone active who can see the "
                + "customer; reps and agents only themselves.") UUID assigneeId) {
}
