package io.guanxi.crm.user.api;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.Seniority;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record UserResponse(UUID id, String username, String displayName, Set<Role> roles, Seniority seniority,
        boolean active, Instant createdAt, Instant updatedAt, long version) {
}
