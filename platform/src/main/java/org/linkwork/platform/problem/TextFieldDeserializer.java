package org.linkwork.platform.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;

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
            throw new RefusedText(parser, refusal.get(), "");
        }
        return value;
    }

    /**
     * A text value refused for its characters; the message says why, for the problem's field error.
     * {@code within} is its path inside a JSON tree bound as a whole ({@code [0].name}), else empty.
     */
    public static class RefusedText extends JsonMappingException {

        private final String reason;
        private final String within;

        RefusedText(JsonParser parser, String reason, String within) {
            super(parser, reason);
            this.reason = reason;
            this.within = within;
        }

        public String reason() {
            return reason;
        }

        public String within() {
            return within;
        }
    }

    /**
     * A body bound as a {@link JsonNode} (an ORUK import) never meets the String deserializer, so its
     * tree is walked once read: every field name and text value, with the path of the first refused.
     */
    static class TreeDeserializer extends StdDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private static final JsonDeserializer<JsonNode> TREES = (JsonDeserializer<JsonNode>) JsonNodeDeserializer
                .getDeserializer(JsonNode.class);

        TreeDeserializer() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = TREES.deserialize(parser, context);
            refuseUnacceptable(parser, tree, "");
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        private static void refuseUnacceptable(JsonParser parser, JsonNode node, String path) throws RefusedText {
            if (node.isTextual()) {
                var refusal = UnacceptableText.refusal(node.textValue());
                if (refusal.isPresent()) {
                    throw new RefusedText(parser, refusal.get(), path);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    refuseUnacceptable(parser, node.get(i), path + "[" + i + "]");
                }
            } else if (node.isObject()) {
                for (var fields = node.fields(); fields.hasNext();) {
                    var field = fields.next();
                    String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    var refusal = UnacceptableText.refusal(field.getKey());
                    if (refusal.isPresent()) {
                        throw new RefusedText(parser, refusal.get(), path.isEmpty() ? "(a field name)" : path);
                    }
                    refuseUnacceptable(parser, field.getValue(), fieldPath);
                }
            }
        }
    }

    @Singleton
    static class Registration implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("linkwork-text").addDeserializer(String.class, new TextFieldDeserializer())
                    .addDeserializer(JsonNode.class, new TreeDeserializer()));
        }
    }
}
