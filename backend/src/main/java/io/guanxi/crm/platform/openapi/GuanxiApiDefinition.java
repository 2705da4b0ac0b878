package io.guanxi.crm.platform.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Guanxi CRM API", version = "1.0.0",
                description = "Customer relationship management (关系). Sign in with POST /api/v1/auth/token, then "
                        + "send the token as a bearer token. Errors are RFC 9457 problem+json; updates need If-Match "
                        + "with the ETag you read; lists take page, size (max 200) and sort.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
            @Tag(name = ApiTags.AUTH, description = "Sign in and the signed-in user"),
            @Tag(name = ApiTags.USERS, description = "User accounts and roles (admins)"),
            @Tag(name = ApiTags.CONTACTS, description = "Customer profiles (客户档案), search, duplicates, 360 view"),
            @Tag(name = ApiTags.INTERACTIONS, description = "Calls, messages, visits and meetings with a contact"),
            @Tag(name = ApiTags.ACTIVITIES, description = "What someone must do about a customer (待办/跟进计划): plan, do, move"),
            @Tag(name = ApiTags.LEADS, description = "Prospects (线索) with their weighted, explainable score"),
            @Tag(name = ApiTags.LEAD_SCORING, description = "The versioned scoring policy (admins)"),
            @Tag(name = ApiTags.PURCHASES, description = "Orders and refunds, idempotent for integrators"),
            @Tag(name = ApiTags.TIERS, description = "ABC tiers, the ABCD quadrant, membership levels, RFM and CLV"),
            @Tag(name = ApiTags.JOBS, description = "Background jobs with progress"),
            @Tag(name = ApiTags.COMPLAINTS, description = "Complaints (投诉): the four-step playbook, SLAs, escalation, follow-up"),
            @Tag(name = ApiTags.LOYALTY, description = "Points (积分): an append-only ledger, rewards, redemptions, expiry, referrals"),
            @Tag(name = ApiTags.SEARCH, description = "One search over contacts, leads and complaints, within what you may see"),
            @Tag(name = ApiTags.VIEWS, description = "Saved views of the contact, lead and complaint lists: yours, the team's, your default"),
            @Tag(name = ApiTags.WINBACK, description = "PDCA win-back plans (挽回): plan, do (activities), check (who bought again), act"),
            @Tag(name = ApiTags.ANALYTICS, description = "Figures for managers (the team) and reps (their own book): each with the previous "
                    + "period, the rows behind it, CSV and XLSX"),
            @Tag(name = ApiTags.AUDIT, description = "The append-only, hash-chained audit trail (admins): who read, changed, exported "
                    + "or revealed what, and its verification"),
            @Tag(name = ApiTags.CONSENT, description = "Consent per purpose and objection to profiling (PIPL Art. 13–16, 24)"),
            @Tag(name = ApiTags.PRIVACY_REQUESTS, description = "Rights requests under PIPL (access copy, correction, deletion as "
                    + "anonymisation, withdrawal, explanation) and the retention review of customers with no contact for years"),
            @Tag(name = ApiTags.IMPORTS, description = "Contact imports from CSV and XLSX: preview, mapping, duplicate decisions, "
                    + "commit as a job, error report, undo"),
            @Tag(name = ApiTags.EXPORTS, description = "Large list exports written as background jobs: follow one, download its file")
        },
        // Relative: the API is served by the same origin that serves this document (and the SPA).
        servers = @Server(url = "/", description = "This Guanxi CRM instance"),
        security = @SecurityRequirement(name = GuanxiApiDefinition.BEARER))
@SecurityScheme(securitySchemeName = GuanxiApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "The access_token from POST /api/v1/auth/token")
public class GuanxiApiDefinition extends Application {
    public static final String BEARER = "bearer";
}
