package io.guanxi.crm.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TokenRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "rep.zhang") String username,
        @NotBlank @Size(max = 128) @Schema(examples = "demo1234") String password) {
}
