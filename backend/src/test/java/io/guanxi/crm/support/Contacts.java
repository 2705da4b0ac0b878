package io.guanxi.crm.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds contact request bodies: a valid default with overrides, as a JSON map. */
public final class Contacts {

    private final Map<String, Object> body = new HashMap<>();

    private Contacts() {
    }

    public static Contacts aContact() {
        Contacts contacts = new Contacts();
        contacts.body.put("name", "测试客户");
        contacts.body.put("mobile", Api.uniqueMobile());
        return contacts;
    }

    public Contacts with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Contacts without(String field) {
        body.remove(field);
        return this;
    }

    public Contacts name(String name) {
        return with("name", name);
    }

    public Contacts tags(String... tags) {
        return with("tags", List.of(tags));
    }

    public Map<String, Object> build() {
        return new HashMap<>(body);
    }
}
