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
        UUID id,
        String name,
        @Schema(description = "Toneless pinyin of the name, used by search and sorting") String namePinyin,
        String mobile,
        String email,
        String wechatId,
        String company,
        String industry,
        Region region,
        String city,
        LocalDate birthday,
        SourceChannel sourceChannel,
        ContactChannel preferredChannel,
        List<String> tags,
        String hiddenNeeds,
        PersonalityType personalityType,
        LifecycleStage lifecycleStage,
        UUID ownerId,
        String ownerName,
        boolean marketingConsent,
        Instant lastContactedAt,
        @Schema(description = "Profile completeness, 0–100 %") int completeness,
        @Schema(description = "Empty profile fields, most valuable first") List<String> missingFields,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
