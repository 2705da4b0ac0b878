package io.guanxi.crm.contact;

import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.privacy.Masks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A contact's fields as the audit trail records them: compared in full, written masked where they are
 * personal (name 张*, mobile 138****8000, email z***@example.com; WeChat id, birthday and hidden needs only
 * as *** when set), so the trail never has to be rewritten when a customer is erased.
 */
final class ContactAudit {

    private record Field(Function<Contact, Object> read, Function<String, String> mask) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", new Field(c -> c.name, Masks::name));
        FIELDS.put("mobile", new Field(c -> c.mobile, Masks::mobile));
        FIELDS.put("email", new Field(c -> c.email, Masks::email));
        FIELDS.put("wechatId", new Field(c -> c.wechatId, Masks::hidden));
        FIELDS.put("company", new Field(c -> c.company, Function.identity()));
        FIELDS.put("industry", new Field(c -> c.industry, Function.identity()));
        FIELDS.put("region", new Field(c -> c.region, Function.identity()));
        FIELDS.put("city", new Field(c -> c.city, Function.identity()));
        FIELDS.put("birthday", new Field(c -> c.birthday, Masks::hidden));
        FIELDS.put("birthMonthDay", new Field(c -> c.birthMonthDay, Masks::hidden));
        FIELDS.put("sourceChannel", new Field(c -> c.sourceChannel, Function.identity()));
        FIELDS.put("preferredChannel", new Field(c -> c.preferredChannel, Function.identity()));
        FIELDS.put("tags", new Field(c -> c.tags == null || c.tags.isEmpty() ? null : String.join(", ", c.tags), Function.identity()));
        FIELDS.put("hiddenNeeds", new Field(c -> c.hiddenNeeds, Masks::hidden));
        FIELDS.put("personalityType", new Field(c -> c.personalityType, Function.identity()));
        FIELDS.put("lifecycleStage", new Field(c -> c.lifecycleStage, Function.identity()));
        FIELDS.put("ownerId", new Field(c -> c.ownerId, Function.identity()));
        FIELDS.put("marketingConsent", new Field(c -> c.marketingConsent, Function.identity()));
        FIELDS.put("referredById", new Field(c -> c.referredById, Function.identity()));
        FIELDS.put("archivedAt", new Field(c -> c.archivedAt, Function.identity()));
    }

    private ContactAudit() {
    }

    /** The audited fields' values in full, to compare after the change. */
    static Map<String, String> snapshot(Contact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach((name, field) -> {
            Object value = field.read().apply(contact);
            values.put(name, value == null ? null : value.toString());
        });
        return values;
    }

    /** The fields that differ, masked; {@code before} null for a new contact. */
    static List<FieldChange> changes(Map<String, String> before, Contact after) {
        Map<String, String> now = snapshot(after);
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            String old = before == null ? null : before.get(name);
            String value = now.get(name);
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange(name, old == null ? null : field.mask().apply(old),
                        value == null ? null : field.mask().apply(value)));
            }
        });
        return changes;
    }
}
