package io.guanxi.crm.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 11: every string and every array a request body can carry has an upper bound,
 * every decimal a number of digits its column can store, and every nested object is validated, so no request makes the service read, validate or answer
 * without limit. Walks the body parameter of every resource method, record by record.
 */
class RequestBoundsTest {

    @Test
    void everyStringCollectionAndDecimalInEveryRequestBodyIsBounded() throws Exception {
        List<String> unbounded = new ArrayList<>();
        Set<String> bodies = new TreeSet<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Stream.of(method.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (isBody(parameter)) {
                        String where = resource.getSimpleName() + "." + method.getName();
                        bodies.add(where);
                        check(where, parameter.getAnnotatedType(), parameter, unbounded, new TreeSet<>());
                    }
                }
            }
        }
        assertTrue(bodies.size() > 30, "found the request bodies: " + bodies);
        assertEquals(List.of(), unbounded);
    }

    private static void check(String where, AnnotatedType type, AnnotatedElement declared, List<String> unbounded, Set<String> seen) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            if (!has(type, declared, Size.class)) {
                unbounded.add(where + ": text without @Size");
            }
        } else if (raw == java.math.BigDecimal.class) {
            // Without a digits bound, 0.001 reaches a numeric(5, 2) column as 0 and 1e-999999999 overflows.
            if (!has(type, declared, jakarta.validation.constraints.Digits.class)) {
                unbounded.add(where + ": decimal without @Digits");
            }
        } else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            unbounded.add(where + ": binary floating point in a request (use BigDecimal with @Digits)");
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!has(type, declared, Size.class)) {
                unbounded.add(where + ": collection without @Size");
            }
            AnnotatedType element = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[0];
            check(where + "[]", element, element, unbounded, seen);
        } else if (raw.isRecord()) {
            if (declared instanceof Parameter == false && !has(type, declared, Valid.class)) {
                unbounded.add(where + ": nested " + raw.getSimpleName() + " without @Valid");
            }
            if (seen.add(raw.getName())) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    check(where + "." + component.getName(), component.getAnnotatedType(), component, unbounded, seen);
                }
            }
        } else if (java.util.Map.class.isAssignableFrom(raw)) {
            // A map is bounded like a collection, and so are its keys and its values.
            if (!has(type, declared, Size.class)) {
                unbounded.add(where + ": map without @Size");
            }
            AnnotatedType[] keyAndValue = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments();
            check(where + "{key}", keyAndValue[0], keyAndValue[0], unbounded, seen);
            check(where + "{value}", keyAndValue[1], keyAndValue[1], unbounded, seen);
        } else if (raw.isArray() || raw == Object.class) {
            unbounded.add(where + ": " + raw.getSimpleName() + " is not a bounded request type");
        }
    }

    private static boolean has(AnnotatedType type, AnnotatedElement declared, Class<? extends java.lang.annotation.Annotation> annotation) {
        return type.isAnnotationPresent(annotation) || declared.isAnnotationPresent(annotation);
    }

    private static Class<?> raw(AnnotatedType type) {
        java.lang.reflect.Type t = type.getType();
        return t instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static boolean isBody(Parameter parameter) {
        return Stream.of(PathParam.class, QueryParam.class, HeaderParam.class, CookieParam.class, FormParam.class,
                Context.class, BeanParam.class).noneMatch(parameter::isAnnotationPresent)
                && !parameter.getType().getName().startsWith("jakarta.ws.rs")
                && !parameter.getType().getName().startsWith("io.vertx");
    }

    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        java.nio.file.Path root = Paths.get(JacksonSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/guanxi/crm");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = "io.guanxi.crm." + root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return resources;
    }
}
