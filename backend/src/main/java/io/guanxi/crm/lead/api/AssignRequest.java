package io.guanxi.crm.lead.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AssignRequest(@Schema(description = "The new owner; empty runs the assignment rules") UUID ownerId) {
}
