package org.ibex.watchlist;

import static org.ibex.watchlist.WatchlistFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Our own JSON: an array of objects with the field names of {@link WatchlistCsv}, aliases as an array of strings,
 * dateOfBirth and nationality as a string (several separated by {@code ;}) or an array of strings, documents as an
 * array of objects {@code {"number","type","issuingCountry","note"}} (or a string in the CSV's form). Read token by
 * token, one entry in memory at a time.
 */
public final class WatchlistJson implements WatchlistParser {
    private final ParseLimits limits;
    private final JsonFactory factory;

    public WatchlistJson() {
        this(ParseLimits.DEFAULT);
    }

    WatchlistJson(ParseLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxFieldChars()).maxNameLength(256).maxNestingDepth(8).maxNumberLength(64)
                .build()).build();
    }

    @Override
    public ParsedEntries parse(InputStream in, String listId, Consumer<Integer> progress) {
        return ParseRun.run(in, listId, limits, progress, (reader, sink) -> {
            try (JsonParser json = factory.createParser(reader)) {
                JsonToken first = json.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw sink.stop(RowError.STRUCTURE, "the file must be a JSON array of entries, [ {...}, {...} ];"
                            + " it starts with " + describe(first) + (first == JsonToken.START_OBJECT
                            ? " (wrap a single entry in [ ])" : ""));
                }
                RawEntryMapper mapper = new RawEntryMapper(listId, sink);
                for (JsonToken token; (token = json.nextToken()) != JsonToken.END_ARRAY; ) {
                    if (token == null) {
                        throw sink.stop(RowError.SYNTAX, "the file ends inside the array; it lacks the closing ]");
                    }
                    reader.startRow();
                    RawEntry entry = entry(json, token, sink);
                    if (entry != null) {
                        mapper.map(entry);
                    }
                }
                if (json.nextToken() != null) {
                    throw sink.stop(RowError.SYNTAX, "line " + json.currentLocation().getLineNr()
                            + ": there is more after the closing ] of the array");
                }
            }
        }, WatchlistJson::describe);
    }

    /** One element of the array, or null (reported) if it is not an object of known string fields. */
    private static RawEntry entry(JsonParser json, JsonToken token, EntrySink sink) throws IOException {
        int row = sink.startRow();
        int line = json.currentLocation().getLineNr();
        RowChecks checks = new RowChecks(sink, row, line);
        if (token != JsonToken.START_OBJECT) {
            checks.error("entry", RowError.STRUCTURE, "entry " + row + " is " + describe(token) + "; each entry must"
                    + " be an object");
            json.skipChildren();
            return null;
        }
        Map<String, String> values = new HashMap<>();
        List<String> aliases = new ArrayList<>();
        List<RawDocument> documents = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            String field = canonical(key);
            JsonToken value = json.nextToken();
            if (field == null) {
                checks.error(RowChecks.shown(key), RowError.UNKNOWN_FIELD, "field '" + RowChecks.shown(key)
                        + "' is not one of " + ALL);
                json.skipChildren();
            } else if (values.containsKey(field) || field.equals(ALIASES) && !aliases.isEmpty()) {
                checks.error(field, RowError.STRUCTURE, "field " + field + " appears twice in the entry");
                json.skipChildren();
            } else if (field.equals(ALIASES)) {
                aliases(json, value, aliases, checks);
            } else if (value == JsonToken.START_ARRAY && (field.equals(DATE_OF_BIRTH) || field.equals(NATIONALITY))) {
                String joined = String.join(SEPARATOR, strings(json, field, checks));
                if (!joined.isEmpty()) {
                    values.put(field, joined);
                }
            } else if (value == JsonToken.START_ARRAY && field.equals(DOCUMENTS)) {
                WatchlistJsonDocuments.read(json, documents, checks);
            } else if (value.isScalarValue()) {
                String text = json.getText().strip();
                if (value != JsonToken.VALUE_NULL && !text.isEmpty()) {
                    values.put(field, text);
                }
            } else {
                checks.error(field, RowError.STRUCTURE, field + " must be a string, not " + describe(value));
                json.skipChildren();
            }
        }
        return checks.failed() ? null : new RawEntry(row, line, values, aliases, documents);
    }

    /** The strings of an array; a value with {@code ;} inside would read as several, so it is refused. */
    private static List<String> strings(JsonParser json, String field, RowChecks checks) throws IOException {
        List<String> strings = new ArrayList<>();
        for (JsonToken t; (t = json.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t != JsonToken.VALUE_STRING) {
                checks.error(field, RowError.STRUCTURE, field + " must hold strings, not " + describe(t));
                json.skipChildren();
            } else if (json.getText().contains(SEPARATOR)) {
                checks.error(field, RowError.FORMAT, field + " '" + RowChecks.shown(json.getText()) + "' holds a ;"
                        + " inside an array; give each value as its own string");
            } else if (!json.getText().isBlank()) {
                strings.add(json.getText().strip());
            }
        }
        return strings;
    }

    private static void aliases(JsonParser json, JsonToken value, List<String> aliases, RowChecks checks)
            throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            // A single string may carry several aliases the way the CSV does.
            Arrays.stream(json.getText().split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).forEach(aliases::add);
        } else if (value == JsonToken.START_ARRAY) {
            for (JsonToken t; (t = json.nextToken()) != JsonToken.END_ARRAY; ) {
                if (t == JsonToken.VALUE_STRING && !json.getText().isBlank()) {
                    aliases.add(json.getText().strip());
                } else if (t != JsonToken.VALUE_STRING) {
                    checks.error(ALIASES, RowError.STRUCTURE, "aliases must hold strings, not " + describe(t));
                    json.skipChildren();
                }
            }
        } else if (value != JsonToken.VALUE_NULL) {
            checks.error(ALIASES, RowError.STRUCTURE, "aliases must be an array of strings, not " + describe(value));
            json.skipChildren();
        }
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing (the file is empty)";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static RowError describe(Exception e) {
        if (e instanceof StreamConstraintsException) {
            boolean tooLong = e.getMessage().contains("length");
            return new RowError(0, "file", tooLong ? RowError.FIELD_TOO_LONG : RowError.STRUCTURE,
                    "a value or nesting is beyond the limits: " + ((StreamConstraintsException) e).getOriginalMessage());
        }
        if (e instanceof JsonProcessingException json) {
            var at = json.getLocation();
            return new RowError(0, "file", RowError.SYNTAX, (at == null ? "" : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": ") + "not valid JSON: " + json.getOriginalMessage());
        }
        return CsvFiles.describe(e);
    }
}
