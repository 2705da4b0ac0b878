package io.guanxi.crm.merge.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Contacts that look like one person, and why. */
public record DuplicateGroup(
        @Schema(required = true, enumeration = {"MOBILE", "EMAIL", "WECHAT_ID", "NAME_COMPANY"},
                description = "Same canonical mobile, same email, same WeChat ID, or same name with the same company") String reason,
        @Schema(required = true, description = "Oldest first") List<DuplicateContact> contacts) {
}
