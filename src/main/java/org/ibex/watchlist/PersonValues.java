package org.ibex.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.ibex.store.Json;

/**
 * How a listed person's several values sit in one column: dates and codes joined by {@code ;} (neither form
 * holds one), documents as a JSON array. Null for none, so an entry without them reads back equal.
 */
final class PersonValues {
    private static final TypeReference<List<ListedDocument>> DOCUMENTS = new TypeReference<>() { };

    private PersonValues() {
    }

    static String dates(List<PartialDate> dates) {
        return dates.isEmpty() ? null : String.join(";", dates.stream().map(PartialDate::toString).toList());
    }

    static List<PartialDate> dates(String column) {
        return split(column).stream().map(PartialDate::parse).toList();
    }

    static String codes(List<String> codes) {
        return codes.isEmpty() ? null : String.join(";", codes);
    }

    static List<String> codes(String column) {
        return split(column);
    }

    static String documents(ObjectMapper json, List<ListedDocument> documents) {
        return documents.isEmpty() ? null : Json.write(json, documents);
    }

    static List<ListedDocument> documents(ObjectMapper json, String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(column, DOCUMENTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a listed person's documents are unreadable", e);
        }
    }

    private static List<String> split(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
