package io.guanxi.crm.care.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CareScanResult", description = "What one care scan made: occasions newly in the window, by how they are handled")
public record CareScanResult(
        @Schema(required = true, description = "Personal calls planned for the owners (service)") int calls,
        @Schema(required = true, description = "Greeting messages planned (marketing: customers who agreed to it)") int greetings,
        @Schema(required = true, description = "Greetings not planned because the customer has not agreed to marketing messages") int withoutConsent) {
}
