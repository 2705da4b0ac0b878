package io.guanxi.crm.activity.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelActivityRequest")
public record CancelActivityRequest(@Size(max = 2000) @Schema(description = "Why; kept as the outcome") String reason) {
}
