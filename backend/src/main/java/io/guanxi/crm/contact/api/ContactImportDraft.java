package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import java.time.LocalDate;
import java.util.List;

/**
 * One imported row's contact fields, already validated and normalised by the import (canonical mobile,
 * lower-case email, trimmed text, tags without duplicates); null where the row has no value.
 */
public record ContactImportDraft(String name, String mobile, String email, String wechatId, String company, String industry,
        Region region, String city, LocalDate birthday, String birthMonthDay, List<String> tags, SourceChannel sourceChannel,
        String hiddenNeeds) {

    /** The fields an import writes, by the names the audit trail and the import's mapping use. */
    public static final List<String> FIELDS = List.of("name", "mobile", "email", "wechatId", "company", "industry", "region", "city",
            "birthday", "birthMonthDay", "tags", "sourceChannel", "hiddenNeeds");

    /** A field's value as text (tags joined by ", "), or null when empty. */
    public String text(String field) {
        Object value = switch (field) {
            case "name" -> name;
            case "mobile" -> mobile;
            case "email" -> email;
            case "wechatId" -> wechatId;
            case "company" -> company;
            case "industry" -> industry;
            case "region" -> region;
            case "city" -> city;
            case "birthday" -> birthday;
            case "birthMonthDay" -> birthMonthDay;
            case "tags" -> tags == null || tags.isEmpty() ? null : String.join(", ", tags);
            case "sourceChannel" -> sourceChannel;
            case "hiddenNeeds" -> hiddenNeeds;
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? null : value.toString();
    }

    /**
     * This row laid over {@code base}: with {@code overwrite} every value the row has replaces the base's; otherwise the
     * row only fills what the base lacks (tags too: a base with tags keeps them).
     */
    public ContactImportDraft over(ContactImportDraft base, boolean overwrite) {
        // The birthday is one value in two forms (a full date or a month-day): it is taken or kept as a whole.
        boolean rowHasBirthday = birthday != null || birthMonthDay != null;
        boolean baseHasBirthday = base.birthday != null || base.birthMonthDay != null;
        boolean takeBirthday = rowHasBirthday && (overwrite || !baseHasBirthday);
        return new ContactImportDraft(pick(base.name, name, overwrite), pick(base.mobile, mobile, overwrite),
                pick(base.email, email, overwrite), pick(base.wechatId, wechatId, overwrite), pick(base.company, company, overwrite),
                pick(base.industry, industry, overwrite), pick(base.region, region, overwrite), pick(base.city, city, overwrite),
                takeBirthday ? birthday : base.birthday, takeBirthday ? birthMonthDay : base.birthMonthDay,
                pick(base.tags == null || base.tags.isEmpty() ? null : base.tags, tags == null || tags.isEmpty() ? null : tags, overwrite),
                pick(base.sourceChannel, sourceChannel, overwrite), pick(base.hiddenNeeds, hiddenNeeds, overwrite));
    }

    private static <T> T pick(T base, T row, boolean overwrite) {
        if (row == null) {
            return base;
        }
        return overwrite || base == null ? row : base;
    }
}
