package org.linkwork.platform.problem;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

/**
 * JAX-RS answers a query or path parameter that does not convert to its Java type with a bare
 * 404 that names nothing. The resource method is known by then, so its parameters are tried
 * again here to name the one at fault and say what it should look like.
 */
final class UnconvertibleParameters {

    private UnconvertibleParameters() {
    }

    static Optional<Problem.FieldError> find(Method method, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            PathParam path = parameter.getAnnotation(PathParam.class);
            if (query == null && path == null) {
                continue;
            }
            String name = query != null ? query.value() : path.value();
            List<String> values = query != null ? uri.getQueryParameters().get(name) : uri.getPathParameters().get(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!converts(value, parameter.getType())) {
                    return Optional.of(new Problem.FieldError(name, expected(parameter.getType())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean converts(String value, Class<?> type) {
        Class<?> target = type.isPrimitive() ? boxed(type) : type;
        if (target == String.class) {
            return true;
        }
        try {
            if (target.isEnum()) {
                return Arrays.stream(target.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            }
            // The same factories JAX-RS looks for, in its order.
            for (String factory : List.of("valueOf", "fromString", "parse")) {
                for (Class<?> argument : List.of(String.class, CharSequence.class)) {
                    try {
                        Method method = target.getMethod(factory, argument);
                        if (Modifier.isStatic(method.getModifiers())) {
                            method.invoke(null, value);
                            return true;
                        }
                    } catch (NoSuchMethodException notThisOne) {
                        // try the next factory
                    }
                }
            }
            Constructor<?> constructor = target.getConstructor(String.class);
            constructor.newInstance(value);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        Class<?> target = type.isPrimitive() ? boxed(type) : type;
        if (target.isEnum()) {
            return ProblemMappers.oneOf(target);
        }
        return switch (target.getSimpleName()) {
            case "Integer", "Long", "Short" -> "must be a whole number";
            case "UUID" -> "must be a UUID";
            case "LocalDate" -> "must be a date (yyyy-mm-dd)";
            case "OffsetDateTime" -> "must be a date and time with offset (e.g. 2026-12-01T09:00:00Z)";
            case "YearMonth" -> "must be a month (yyyy-mm)";
            case "Boolean" -> "must be true or false";
            default -> "has the wrong type or format";
        };
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }
}
