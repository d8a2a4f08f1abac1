package org.ibex.cli;

import org.ibex.store.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a stats command writes its rows: CSV with a header row, or JSON {@code {"rows":[...]}} as the API does. */
final class StatsFormat {
    private StatsFormat() {
    }

    static boolean csv(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new IllegalArgumentException("--format must be csv or json (got '" + format + "')");
        };
    }

    static void write(boolean csv, String csvText, List<?> rows) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(csv ? csvText : Json.write(Json.mapper(), Map.of("rows", rows)) + System.lineSeparator());
        out.flush();
    }
}
