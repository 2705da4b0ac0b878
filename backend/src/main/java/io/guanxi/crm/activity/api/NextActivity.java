package io.guanxi.crm.activity.api;

import io.guanxi.crm.activity.ActivityKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The follow-up to schedule after this one: same customer, lead and complaint, for you. dueAt or dueDate. */
@Schema(name = "NextActivity")
public record NextActivity(
        @NotNull ActivityKind kind,
        Instant dueAt,
        LocalDate dueDate,
        @Size(max = 200) String title,
        @Size(max = 2000) String note) {
}
