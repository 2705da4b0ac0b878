package io.guanxi.crm.privacy.api;

import io.guanxi.crm.privacy.RequestChannel;
import io.guanxi.crm.privacy.RequestKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequestCreate", description = "A rights request as received from the customer")
public record PrivacyRequestCreate(
        @NotNull @Schema(required = true, description = "The customer the request is about") UUID contactId,
        @NotNull @Schema(required = true) RequestKind kind,
        @NotNull @Schema(required = true) RequestChannel channel,
        @Size(max = 2000) @Schema(description = "What the customer asked, in their words", examples = "请把我的手机号改为 139…") String details,
        @Schema(description = "When it was received; now when empty. The due date counts from it.") Instant receivedAt) {
}
