package org.linkwork.directory.oruk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.linkwork.platform.problem.ProblemException;

/** Query parameters JAX-RS cannot convert the ORUK way, rejected with the parameter's name when malformed. */
public final class Parameters {

    private Parameters() {
    }

    /** A query parameter that is an id; blank means absent. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "is not a UUID");
        }
    }

    /** An RFC 3339 date-time with offset, or a date alone (its start, UTC), as ORUK feeds send {@code modified_after}. */
    public static OffsetDateTime dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "is not an RFC 3339 date-time such as 2026-05-15T09:00:00Z");
        }
    }

    /** {@code true} or {@code false}; blank means absent. JAX-RS would read any other word as false. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(field, "is not true or false");
        };
    }
}
