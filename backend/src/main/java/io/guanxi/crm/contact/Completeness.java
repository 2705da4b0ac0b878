package io.guanxi.crm.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How complete a profile is (000: an archive is complete, accurate, up to date, shared): the weights
 * of its filled fields, 0–100. Ways to reach the customer weigh most.
 */
public final class Completeness {

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    /** A profile field: its weight, how Java and SQL tell that it is filled. */
    private record Field(int weight, Predicate<Contact> filled, String sqlFilled) {
    }

    static {
        text("name", "name", 10, c -> c.name);
        text("mobile", "mobile", 15, c -> c.mobile);
        text("email", "email", 10, c -> c.email);
        text("wechatId", "wechat_id", 10, c -> c.wechatId);
        text("company", "company", 10, c -> c.company);
        text("industry", "industry", 5, c -> c.industry);
        value("region", "region", 5, c -> c.region);
        text("city", "city", 5, c -> c.city);
        FIELDS.put("birthday", new Field(5, c -> c.birthday != null || c.birthMonthDay != null,
                "(birthday IS NOT NULL OR birth_month_day IS NOT NULL)"));
        value("sourceChannel", "source_channel", 5, c -> c.sourceChannel);
        value("preferredChannel", "preferred_channel", 5, c -> c.preferredChannel);
        FIELDS.put("tags", new Field(5, c -> c.tags != null && !c.tags.isEmpty(), "cardinality(tags) > 0"));
        text("hiddenNeeds", "hidden_needs", 5, c -> c.hiddenNeeds);
        value("personalityType", "personality_type", 5, c -> c.personalityType);
    }

    private static void text(String field, String column, int weight, Function<Contact, String> get) {
        FIELDS.put(field, new Field(weight, c -> present(get.apply(c)), "coalesce(btrim(" + column + "), '') <> ''"));
    }

    private static void value(String field, String column, int weight, Function<Contact, Object> get) {
        FIELDS.put(field, new Field(weight, c -> get.apply(c) != null, column + " IS NOT NULL"));
    }

    /**
     * The same percentage as a SQL expression over the contact's columns, for set-based writes (the
     * data generator), so the weights are defined once.
     */
    public static String sqlExpression() {
        return FIELDS.values().stream()
                .map(f -> "(CASE WHEN " + f.sqlFilled() + " THEN " + f.weight() + " ELSE 0 END)")
                .collect(Collectors.joining(" + ", "(", ")"));
    }

    private Completeness() {
    }

    public static short percent(Contact contact) {
        int sum = FIELDS.values().stream().filter(f -> f.filled().test(contact)).mapToInt(Field::weight).sum();
        return (short) sum;
    }

    /** The profile fields still empty, most valuable first. */
    public static List<String> missingFields(Contact contact) {
        List<Map.Entry<String, Field>> missing = new ArrayList<>();
        FIELDS.entrySet().stream().filter(e -> !e.getValue().filled().test(contact)).forEach(missing::add);
        missing.sort((a, b) -> Integer.compare(b.getValue().weight(), a.getValue().weight()));
        return missing.stream().map(Map.Entry::getKey).toList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
