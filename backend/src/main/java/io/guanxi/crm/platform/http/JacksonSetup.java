package io.guanxi.crm.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Locale;

/**
 * Incoming text is trimmed before validation ("  a@b.cn " is an email, "   " is blank), except
 * passwords, which are taken exactly as typed.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("guanxi-trimming").addDeserializer(String.class, new TrimmingDeserializer(true)));
    }

    static final class TrimmingDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {
        private final boolean trim;

        TrimmingDeserializer(boolean trim) {
            this.trim = trim;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return trim && value != null ? value.trim() : value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean secret = property != null && property.getName().toLowerCase(Locale.ROOT).contains("password");
            return new TrimmingDeserializer(!secret);
        }
    }
}
