package io.guanxi.crm.user.api;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.Seniority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record UserCreateRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3-64 letters, digits, '.', '_' or '-'")
        @Schema(examples = "li.na") String username,
        @NotBlank @Size(max = 100) @Schema(examples = "李娜") String displayName,
        @NotBlank @Size(max = 128) @Schema(examples = "Sales-Rep-2026!") String password,
        @NotEmpty @Size(max = 10) Set<@NotNull Role> roles,
        @Schema(description = "For sales reps; JUNIOR when omitted") Seniority seniority,
        @Schema(description = "Defaults to true") Boolean active) {
}
