package io.guanxi.crm.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Column headers and enum names of exported lists, read from the web app's own locale files (copied into
 * the jar at build), so a column is called in the file what the screen calls it, in the reader's language:
 * {@code export.<list>.<column>} for headers, {@code enum.<Enum>.<VALUE>} for values. A missing text falls
 * back to the key (the column name, the enum constant).
 */
public final class ExportLabels {

    private static final Map<String, JsonNode> BY_LANGUAGE = Map.of("zh-CN", load("zh-CN"), "en", load("en"));

    private final JsonNode texts;
    private final String language;

    private ExportLabels(String language) {
        this.language = language;
        this.texts = BY_LANGUAGE.get(language);
    }

    /** English when Accept-Language starts with en, else Chinese (the team's language). */
    public static ExportLabels forAcceptLanguage(String acceptLanguage) {
        boolean english = acceptLanguage != null && acceptLanguage.strip().toLowerCase().startsWith("en");
        return new ExportLabels(english ? "en" : "zh-CN");
    }

    public String language() {
        return language;
    }

    /** The text at a dotted path, else the path's last part. */
    public String get(String path) {
        JsonNode node = texts;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && node.isTextual() ? node.asText() : path.substring(path.lastIndexOf('.') + 1);
    }

    /** An enum constant's text ({@code enum.LifecycleStage.LOYALTY}), else the constant. */
    public String enumText(Enum<?> value) {
        return value == null ? null : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A boolean as the web app writes it. */
    public String yesNo(boolean value) {
        return get(value ? "export.yes" : "export.no");
    }

    private static JsonNode load(String language) {
        String resource = "i18n/" + language + ".json";
        try (InputStream in = ExportLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " (copied from the web app's locales at build)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
