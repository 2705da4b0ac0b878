package io.guanxi.crm.platform.audit;

import io.guanxi.crm.platform.audit.api.AuditEntryResponse;
import io.guanxi.crm.platform.audit.api.AuditVerification;
import io.guanxi.crm.platform.openapi.ApiTags;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = ApiTags.AUDIT)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Search the audit trail, newest first",
            description = "Who created, changed, archived, read (a customer's full profile), exported or revealed what, with "
                    + "time, user, client address and request id. Filters combine with AND; from and to are days in the "
                    + "service's time zone, both included.")
    public PageResponse<AuditEntryResponse> listAuditEntries(
            @Parameter(description = "Who acted") @QueryParam("userId") UUID userId,
            @Parameter(description = "The customer concerned") @QueryParam("contactId") UUID contactId,
            @QueryParam("action") AuditAction action,
            @Parameter(description = "First day (included)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day (included)") @QueryParam("to") LocalDate to,
            @Parameter(description = "Page number, from 0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1–200 (default 20)") @QueryParam("size") Integer size) {
        return log.search(userId, contactId, action, from, to, page, size);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the hash chain",
            description = "Recomputes every entry's hash from its content and the hash before it: ok, or the first entry "
                    + "that was altered (or whose predecessor was deleted), with the number of entries checked.")
    public AuditVerification verifyAuditTrail() {
        return log.verify();
    }
}
