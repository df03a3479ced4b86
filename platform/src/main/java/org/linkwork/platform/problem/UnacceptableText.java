package org.linkwork.platform.problem;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Characters no text field or parameter of a Linkwork API carries: NUL, which PostgreSQL cannot
 * store in text, the other C0 control characters (tab, line feed and carriage return aside), and
 * surrogates without their pair, which are not Unicode text at all.
 */
public final class UnacceptableText {

    private static final JsonFactory JSON = new JsonFactory();

    private UnacceptableText() {
    }

    /**
     * The first unacceptable name or string value in a JSON document read as text rather than bound
     * by Jackson (a FHIR resource), with its path ({@code contained[0].name[0].family}). A document
     * that is not JSON has none: its parser reports that.
     */
    public static Optional<Problem.FieldError> firstInJson(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    Optional<String> reason = refusal(parser.getText());
                    if (reason.isPresent()) {
                        return Optional.of(new Problem.FieldError(path(parser.getParsingContext()), reason.get()));
                    }
                }
            }
        } catch (IOException notJsonOrTooDeep) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName();
            path.insert(0, step);
        }
        return path.length() > 0 ? path.toString() : "body";
    }

    /** Why a value is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("must not contain control characters (U+%04X at position %d)", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("must be Unicode text (unpaired surrogate U+%04X at position %d)", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
