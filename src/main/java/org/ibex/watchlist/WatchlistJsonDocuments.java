package org.ibex.watchlist;

import static org.ibex.watchlist.WatchlistFields.DOCUMENTS;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A person's documents in our JSON: an array of objects with number, type, issuingCountry and note, all strings. */
final class WatchlistJsonDocuments {
    private static final List<String> KEYS = List.of("number", "type", "issuingCountry", "note");

    private WatchlistJsonDocuments() {
    }

    /** Reads the array just started into {@code documents}; anything else than such objects fails the row. */
    static void read(JsonParser json, List<RawDocument> documents, RowChecks checks) throws IOException {
        for (JsonToken t; (t = json.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t != JsonToken.START_OBJECT) {
                checks.error(DOCUMENTS, RowError.STRUCTURE, "documents must hold objects {\"number\": ..., \"type\":"
                        + " ..., \"issuingCountry\": ..., \"note\": ...}, not " + WatchlistJson.describe(t));
                json.skipChildren();
                continue;
            }
            Map<String, String> values = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken value = json.nextToken();
                if (!KEYS.contains(key)) {
                    checks.error(DOCUMENTS, RowError.UNKNOWN_FIELD, "document field '" + RowChecks.shown(key)
                            + "' is not one of " + KEYS);
                    json.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    values.put(key, json.getText());
                } else if (value != JsonToken.VALUE_NULL) {
                    checks.error(DOCUMENTS, RowError.STRUCTURE, "document field " + key + " must be a string, not "
                            + WatchlistJson.describe(value));
                    json.skipChildren();
                }
            }
            documents.add(new RawDocument(values.get("number"), values.get("type"), values.get("issuingCountry"),
                    values.get("note")));
        }
    }
}
