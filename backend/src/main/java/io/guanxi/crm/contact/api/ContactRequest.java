package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.ContactChannel;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.PersonalityType;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The editable fields of a contact, for create and full update (PUT). Server-owned fields (id,
 * completeness, lastContactedAt, timestamps, version) are not part of it and are rejected if sent.
 */
@Schema(name = "ContactRequest")
public record ContactRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "张伟") String name,
        @Size(max = 32) @Schema(description = "Mainland mobile (11 digits, +86 optional) or international +digits",
                examples = "138 0013 8000") String mobile,
        @Email @Size(max = 254) @Schema(examples = "zhang.wei@example.cn") String email,
        @Size(max = 64) @Schema(examples = "zhangwei_88") String wechatId,
        @Size(max = 200) @Schema(examples = "上海云帆科技有限公司") String company,
        @Size(max = 64) @Schema(examples = "科技") String industry,
        Region region,
        @Size(max = 64) @Schema(examples = "上海") String city,
        @Past LocalDate birthday,
        SourceChannel sourceChannel,
        ContactChannel preferredChannel,
        @Size(max = 20) @Schema(description = "标签, at most 20, each 1–32 characters; duplicates are merged",
                examples = "[\"预算充足\", \"决策周期长\"]") List<@NotBlank @Size(max = 32) String> tags,
        @Size(max = 2000) @Schema(description = "隐性需求", examples = "计划明年扩建华东仓库") String hiddenNeeds,
        PersonalityType personalityType,
        @Schema(description = "POTENTIAL when omitted on create") LifecycleStage lifecycleStage,
        @Schema(description = "Owner (a user id). Managers and admins only; a rep's contacts are their own.")
        UUID ownerId,
        @Schema(description = "Consent to marketing messages (PIPL); false when omitted") Boolean marketingConsent,
        @Schema(description = "The customer who referred this one (转介绍); their referrer earns a bonus on this customer's "
                + "first purchase. Omitted on update: unchanged.") UUID referredById,
        @Size(max = 7) @Pattern(regexp = "--\\d{2}-\\d{2}") @Schema(description = "A birthday known without the year, "
                + "--MM-DD (--02-29 allowed); give it or birthday, not both. Omitted: none.", examples = "--04-12")
        String birthMonthDay) {
}
