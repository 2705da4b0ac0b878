package io.guanxi.crm.user.api;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.Seniority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record UserUpdateRequest(
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty @Size(max = 10) Set<@NotNull Role> roles,
        Seniority seniority,
        @NotNull Boolean active) {
}
