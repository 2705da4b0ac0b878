package io.guanxi.crm.platform.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters that do not parse answer 400 naming the parameter, instead of JAX-RS's bare 404,
 * and nothing is guessed: {@code active=maybe} is an error, not false.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    /** A query parameter whose value cannot be used; becomes a validation problem. */
    public static class InvalidParameterException extends BadRequestException {
        private final String parameter;
        private final String problem;

        public InvalidParameterException(String parameter, String problem) {
            super(parameter + " " + problem);
            this.parameter = parameter;
            this.problem = problem;
        }

        public String parameter() {
            return parameter;
        }

        public String problem() {
            return problem;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(name, (Class<? extends Enum>) rawType);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be an integer", Integer::valueOf, null);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // A primitive flag (confirmDuplicate, archived, review) is as strict: "1" or "yes" is not false.
            return (ParamConverter<T>) new Converter<>(name, "must be true or false", value -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            }, rawType == boolean.class ? Boolean.FALSE : null);
        }
        if (rawType == java.util.UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a UUID", java.util.UUID::fromString, null);
        }
        if (rawType == java.time.LocalDate.class) {
            // The same years as in a body: 1 to 9999, four digits.
            return (ParamConverter<T>) new Converter<>(name, "must be a date (YYYY-MM-DD) in the years 1 to 9999", value -> {
                if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new IllegalArgumentException(value);
                }
                java.time.LocalDate date = java.time.LocalDate.parse(value);
                if (date.isBefore(JacksonSetup.FIRST_DATE) || date.isAfter(JacksonSetup.LAST_DATE)) {
                    throw new IllegalArgumentException(value);
                }
                return date;
            }, null);
        }
        return null;
    }

    private record Converter<T>(String name, String problem, java.util.function.Function<String, T> parse, T absent)
            implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return absent;
            }
            try {
                return parse.apply(value.trim());
            } catch (RuntimeException e) {
                throw new InvalidParameterException(name, problem);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record EnumConverter(String name, Class<? extends Enum> type) implements ParamConverter<Enum> {
        @Override
        public Enum fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
            }
        }

        @Override
        public String toString(Enum value) {
            return value == null ? null : value.name();
        }
    }
}
