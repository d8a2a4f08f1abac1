package org.ibex.displacement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DTM rows from the API's JSON, {@code {"result":[...],"statusCode":200,"isSuccess":true,...}}, or a bare array of
 * the same objects. Read as a stream, one element at a time, so the row limit stops a long file before it is
 * all in memory. Fields the API may add later are ignored; the ones it names are checked.
 */
final class DtmJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build());

    private DtmJson() {
    }

    static List<Located> read(String text, DtmLimits limits, Problems problems) {
        List<Located> rows = new ArrayList<>();
        try (JsonParser json = MAPPER.createParser(text)) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_ARRAY) {
                elements(json, "", limits, problems, rows);
            } else if (first == JsonToken.START_OBJECT) {
                envelope(json, limits, problems, rows);
            } else {
                throw DtmFileException.one("line 1: field body: JSON must be DTM's {\"result\":[...]} or an array");
            }
            if (json.nextToken() != null) {
                throw DtmFileException.one(at(json) + ": field body: text after the end of the JSON");
            }
        } catch (JsonProcessingException e) {
            throw DtmFileException.one(at(e.getProcessor() instanceof JsonParser p ? p : null)
                    + ": field body: not well-formed JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void envelope(JsonParser json, DtmLimits limits, Problems problems, List<Located> rows)
            throws IOException {
        boolean result = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("result".equals(field) && value == JsonToken.START_ARRAY) {
                elements(json, "result", limits, problems, rows);
                result = true;
            } else if ("result".equals(field)) {
                throw DtmFileException.one("result: field result: must be an array of DTM rows");
            } else if ("isSuccess".equals(field) && value == JsonToken.VALUE_FALSE
                    || "statusCode".equals(field) && value.isNumeric() && json.getIntValue() != 200) {
                throw DtmFileException.one(field + ": field " + field + ": the DTM API answered a failure, not data");
            } else {
                json.skipChildren();
            }
        }
        if (!result) {
            throw DtmFileException.one("result: field result: is missing; DTM's API answers {\"result\":[...]}");
        }
    }

    private static void elements(JsonParser json, String array, DtmLimits limits, Problems problems,
                                 List<Located> rows) throws IOException {
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            String where = array + "[" + index + "]";
            if (index >= limits.maxRows()) {
                throw DtmFileException.limit(where + ": field file: more than " + limits.maxRows()
                        + " rows; split the file");
            }
            index++;
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                problems.add(where, "row", "must be an object of DTM fields");
                continue;
            }
            JsonNode element = MAPPER.readTree(json);
            Map<String, String> values = new HashMap<>();
            for (String field : DtmRowRules.KNOWN) {
                JsonNode value = element.get(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isValueNode() || value.isBoolean()) {
                    problems.add(where, field, "must be a string or a number");
                    continue;
                }
                String text = value.asText().strip();
                values.put(field, text.isEmpty() ? null : text);
            }
            DtmRow row = DtmRowRules.read(values, where, problems);
            if (row != null) {
                rows.add(new Located(where, row));
            }
        }
    }

    private static String at(JsonParser json) {
        return json == null ? "line 1" : "line " + json.currentLocation().getLineNr();
    }
}
