package org.ibex.bench;

import org.ibex.watchlist.BatchQueries;
import org.ibex.watchlist.ParsedEntries;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real list files and a traveller population read for the screening benchmarks, as the importers read them. */
public final class BenchLists {
    private BenchLists() {
    }

    /** Persons of each file, by list id (the file's name without extension); what did not read is reported. */
    public static Map<String, List<PersonEntry>> load(List<Path> files) {
        Map<String, List<PersonEntry>> lists = new LinkedHashMap<>();
        for (Path file : files) {
            String id = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]", "-");
            id = id.length() > 60 ? id.substring(0, 60) : id;
            ParsedEntries parsed = WatchlistFiles.parse(file, id, null, null);
            System.out.printf("%s: %d persons, %d rows with errors%n", file.getFileName(), parsed.persons().size(),
                    parsed.errors().size());
            lists.put(id, parsed.persons());
        }
        return lists;
    }

    /** The population's travellers, each a query; rows that do not read are counted and skipped. */
    public static List<ScreeningQuery> population(Path file) throws IOException {
        List<ScreeningQuery> out = new ArrayList<>();
        int[] errors = {0};
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BatchQueries.read(in, row -> {
                if (row.ok()) {
                    out.add(row.query());
                } else {
                    errors[0]++;
                }
            });
        }
        if (errors[0] > 0) {
            System.out.printf("%s: %d rows skipped%n", file.getFileName(), errors[0]);
        }
        return out;
    }
}
