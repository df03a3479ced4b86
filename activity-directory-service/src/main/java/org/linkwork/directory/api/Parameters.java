package org.linkwork.directory.api;

import java.util.UUID;

import org.linkwork.platform.problem.ProblemException;

/** Identifiers in paths and query strings, rejected with the parameter's name when malformed. */
public final class Parameters {

    private Parameters() {
    }

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
}
