package org.linkwork.platform.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every String read from a JSON body goes through {@link UnacceptableText}, so that a NUL or an
 * unpaired surrogate is a 400 naming the field (Jackson adds the path as the exception travels up)
 * instead of a database error.
 */
public class TextFieldDeserializer extends StdScalarDeserializer<String> {

    TextFieldDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        var refusal = UnacceptableText.refusal(value);
        if (refusal.isPresent()) {
            throw new RefusedText(parser, refusal.get());
        }
        return value;
    }

    /** A text value refused for its characters; the message says why, for the problem's field error. */
    public static class RefusedText extends JsonMappingException {

        private final String reason;

        RefusedText(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Singleton
    static class Registration implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("linkwork-text").addDeserializer(String.class, new TextFieldDeserializer()));
        }
    }
}
