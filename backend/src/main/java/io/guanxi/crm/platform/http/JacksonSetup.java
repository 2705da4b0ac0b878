package io.guanxi.crm.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REST layer reads JSON strictly: a value of the wrong JSON type is refused, never coerced
 * ({@code "region": 1}, {@code "points": 1.9}, {@code "marketingConsent": 1}, {@code "amount": "5"}),
 * and so are duplicate keys and anything after the JSON value. Text is trimmed before validation
 * ("  a@b.cn " is an email, "   " is blank), except passwords, which are taken exactly as typed; text
 * with a NUL character and dates outside what PostgreSQL stores (years 1 to 9999 here) are refused
 * with the field named. An enum value is one of its names exactly (Jackson would trim " EAST\u0000"
 * to EAST); a decimal has at most {@value #MAX_DECIMAL_DIGITS} digits on either side of the point (so
 * 1e-999999999 never reaches a comparison that overflows). Hibernate's JSON columns use their own mapper
 * ({@code quarkus.hibernate-orm.mapping.format.global=ignore}), so none of this reaches stored data.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    static final int MAX_DECIMAL_DIGITS = 20;
    static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    /** Last, after Quarkus has registered its modules: these deserializers replace the JSR-310 ones. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the only way through the customizer
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

        CoercionInputShape[] foreignShapes = {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString};
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.Textual, LogicalType.DateTime, LogicalType.OtherScalar,
                LogicalType.POJO, LogicalType.Collection, LogicalType.Map, LogicalType.Array}) {
            for (CoercionInputShape shape : foreignShapes) {
                if (!isNative(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);

        mapper.registerModule(new SimpleModule("guanxi-strict-input")
                .addDeserializer(String.class, new TextDeserializer(true))
                .addDeserializer(BigDecimal.class, new DecimalDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnumDeserializer(deserializer, type.getRawClass());
                    }
                })
                .addDeserializer(LocalDate.class, new DateDeserializer())
                .addDeserializer(Instant.class, new InstantDeserializer()));
    }

    /** The JSON shape that is the type's own: a number for a number, a string for text, dates and UUIDs. */
    private static boolean isNative(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual, DateTime, OtherScalar, Enum -> shape == CoercionInputShape.String;
            default -> false;
        };
    }

    /** A value the service refuses although it is well-formed JSON; the reason names no input. */
    public static class RejectedValueException extends MismatchedInputException {
        private final String reason;

        RejectedValueException(JsonParser parser, Class<?> type, String reason) {
            super(parser, reason, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final class TextDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {
        private final boolean trim;

        TextDeserializer(boolean trim) {
            this.trim = trim;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RejectedValueException(parser, String.class, "must not contain the NUL character (\\u0000)");
            }
            if (value != null && hasUnpairedSurrogate(value)) {
                // Not text at all: PostgreSQL's UTF-8 would store it as "?" and answer something else later.
                throw new RejectedValueException(parser, String.class, "must be valid Unicode text (an unpaired \\uD800-\\uDFFF escape)");
            }
            return trim && value != null ? value.trim() : value;
        }

        private static boolean hasUnpairedSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean secret = property != null && property.getName().toLowerCase(Locale.ROOT).contains("password");
            return new TextDeserializer(!secret);
        }
    }

    /** ISO dates (2026-11-23) only, between 0001-01-01 and 9999-12-31. */
    static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parser.getText().trim());
            } catch (DateTimeException e) {
                throw new RejectedValueException(parser, LocalDate.class, "must be a date like 2026-11-23");
            }
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                throw new RejectedValueException(parser, LocalDate.class, "must be between 0001-01-01 and 9999-12-31");
            }
            return date;
        }
    }

    /** ISO-8601 instants with an offset (2026-11-23T08:00:00Z), in years 1 to 9999. */
    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(parser.getText().trim()).toInstant();
            } catch (DateTimeException e) {
                throw new RejectedValueException(parser, Instant.class, "must be an ISO-8601 instant like 2026-11-23T08:00:00Z");
            }
            if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
                throw new RejectedValueException(parser, Instant.class,
                        "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
            }
            return instant;
        }
    }

    /** A JSON number with a bounded number of digits; the bound is far above any amount, rate or score here. */
    static final class DecimalDeserializer extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            long integerDigits = (long) value.precision() - value.scale();
            if (value.scale() > MAX_DECIMAL_DIGITS || integerDigits > MAX_DECIMAL_DIGITS) {
                throw new RejectedValueException(parser, BigDecimal.class,
                        "must have at most " + MAX_DECIMAL_DIGITS + " digits before and after the decimal point");
            }
            return value;
        }
    }

    /** Accepts only an enum's exact names; everything else is Jackson's own enum reading. */
    static final class ExactEnumDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JsonDeserializer<?> delegate;
        private final Class<?> type;
        private final Set<String> names;

        ExactEnumDeserializer(JsonDeserializer<?> delegate, Class<?> type) {
            this.delegate = delegate;
            this.type = type;
            this.names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getText())) {
                // The value is left out: an error never echoes the input.
                throw InvalidFormatException.from(parser, "not one of the enum's names", null, type);
            }
            return delegate.deserialize(parser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : delegate;
            return new ExactEnumDeserializer(contextual, type);
        }
    }
}
