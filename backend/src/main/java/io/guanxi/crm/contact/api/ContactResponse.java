package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.ContactChannel;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.PersonalityType;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact")
public record ContactResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true, description = "Toneless pinyin of the name, used by search and sorting") String namePinyin,
        String mobile,
        String email,
        String wechatId,
        String company,
        String industry,
        Region region,
        String city,
        LocalDate birthday,
        @Schema(nullable = true, description = "A birthday known without the year, --MM-DD (instead of birthday)", examples = "--04-12") String birthMonthDay,
        SourceChannel sourceChannel,
        ContactChannel preferredChannel,
        @Schema(required = true) List<String> tags,
        String hiddenNeeds,
        PersonalityType personalityType,
        @Schema(required = true) LifecycleStage lifecycleStage,
        @Schema(required = true) UUID ownerId,
        String ownerName,
        @Schema(required = true) boolean marketingConsent,
        @Schema(description = "The customer who referred this one") UUID referredById,
        @Schema(description = "Their name (on single-contact answers, not in lists)") String referredByName,
        Instant lastContactedAt,
        @Schema(required = true, description = "Profile completeness, 0–100 %") int completeness,
        @Schema(required = true, description = "Empty profile fields, most valuable first") List<String> missingFields,
        Instant archivedAt,
        @Schema(nullable = true, description = "When the person's data was erased (issue 19): the name and every way to reach them are "
                + "empty, the SPA shows \"anonymised customer\"; purchases, points and complaints remain. Read-only from then.") Instant anonymisedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version,
        @Schema(enumeration = {"A", "B", "C", "INACTIVE"}, description = "ABC value tier from the last recompute; empty for non-customers") String abcTier,
        @Schema(enumeration = {"SILVER", "GOLD", "PLATINUM"}, description = "Membership level; empty for non-customers") String membershipLevel,
        @Schema(required = true, description = "true when mobile and email are shown masked (138****8000, z***@example.com): in "
                + "every list, and on the detail for roles that do not need them; POST /contacts/{id}/reveal shows them, audited")
        boolean reachMasked) {
}
