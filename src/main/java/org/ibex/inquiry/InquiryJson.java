package org.ibex.inquiry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** Questions and answers as JSON on the wire and in the store: strict on reading, bounded before parsing. */
public final class InquiryJson {
    /** A question is a few hundred bytes, an answer with a hundred crossings some kilobytes. */
    public static final int MAX_PAYLOAD = 256 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private InquiryJson() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of texts and dates always serialise", e);
        }
    }

    /** Reads {@code type} from bytes; anything oversized, malformed or of another shape is an IllegalArgumentException. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload is missing or over " + MAX_PAYLOAD + " bytes");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("payload is not a " + type.getSimpleName() + ": "
                    + (cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage()));
        }
    }

    public static JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON no longer reads", e);
        }
    }
}
