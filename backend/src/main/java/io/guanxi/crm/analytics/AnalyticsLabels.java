package io.guanxi.crm.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Headers and names for exported files, which leave the web app and so cannot be translated by it:
 * read from the web app's own texts (its locale files, copied into the jar at build), so a figure is
 * called the same on the screen and in the file. {@code analytics.*} names sections, cards, tables,
 * columns and export headers; a row key of a dimension is looked up under the enum the dimension
 * names ({@link Dimension#texts()}). A code without a text is written as the code.
 */
public final class AnalyticsLabels {

    private static final Map<String, JsonNode> BY_LANGUAGE = Map.of("zh-CN", load("zh-CN"), "en", load("en"));

    private final JsonNode texts;

    private AnalyticsLabels(JsonNode texts) {
        this.texts = texts;
    }

    /** English when the request's Accept-Language starts with en, else Chinese (the team's language). */
    public static AnalyticsLabels forAcceptLanguage(String acceptLanguage) {
        boolean english = acceptLanguage != null && acceptLanguage.strip().toLowerCase().startsWith("en");
        return new AnalyticsLabels(BY_LANGUAGE.get(english ? "en" : "zh-CN"));
    }

    /** The text at a dotted path of the locale file ({@code analytics.card.leads.created}), else the path's last part. */
    public String get(String path) {
        JsonNode node = texts;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && node.isTextual() ? node.asText() : path.substring(path.lastIndexOf('.') + 1);
    }

    /** {@code analytics.<kind>.<code>}: a section, card, table, column, unit … */
    public String analytics(String kind, String code) {
        String text = get("analytics." + kind + "." + code);
        return text.equals(code.substring(code.lastIndexOf('.') + 1)) ? code : text;
    }

    /** A row key of a dimension: an enum's text, the key itself for months and buckets. */
    public String row(Dimension dimension, String key) {
        return dimension.texts() == null ? key : get(dimension.texts() + "." + key);
    }

    private static JsonNode load(String language) {
        String resource = "i18n/" + language + ".json";
        try (InputStream in = AnalyticsLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " (copied from the web app's locales at build)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
