package io.guanxi.crm.lead.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The receipt for a captured form: which lead now holds it, and how it was matched. */
@Schema(name = "LeadCaptureResponse")
public record LeadCaptureResponse(
        @Schema(required = true) UUID leadId,
        @Schema(required = true) Outcome outcome) {

    public enum Outcome {
        /** Nobody had this mobile or email: a POTENTIAL contact and a lead were created. */
        NEW_PERSON,
        /** A known contact without an open lead: a new lead about them, for their owner. */
        EXISTING_CONTACT,
        /** The person already has an open lead: nothing new was created (a resubmitted form). */
        ALREADY_OPEN
    }
}
