package io.guanxi.crm.user.api;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.Seniority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record UserResponse(@Schema(required = true) UUID id, @Schema(required = true) String username, @Schema(required = true) String displayName, @Schema(required = true) Set<Role> roles, Seniority seniority,
        @Schema(required = true) boolean active, @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt, @Schema(required = true) long version) {
}
