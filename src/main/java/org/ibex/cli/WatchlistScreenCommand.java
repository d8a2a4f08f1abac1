package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.access.Actor;
import org.ibex.names.NameMatcher;
import org.ibex.watchlist.BatchScreening;
import org.ibex.store.Json;
import org.ibex.watchlist.ParsedEntries;
import org.ibex.watchlist.RowError;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistFiles;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.watchlist.WatchlistInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Screens names. With {@code --list FILE} the index is built in memory from that file and nothing is
 * stored: one JSON line per query line. Without it, the node's own lists are screened for {@code --name}.
 * {@code --file F.csv} screens a batch of travellers (the batch CSV) against either, one JSON object per row.
 */
@Command(name = "screen", mixinStandardHelpOptions = true, description = "Screen names against watchlists.")
final class WatchlistScreenCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--list", paramLabel = "FILE", description = "screen against this file only (in memory)")
    Path list;
    @Option(names = "--queries", paramLabel = "FILE", description = "one name per line (with --list); - for stdin")
    String queries;
    @Option(names = "--file", paramLabel = "F.csv", description = "a batch of travellers, CSV with the header"
            + " id,name,dateOfBirth,nationality,sex,documentNumber (- for stdin): one JSON object per row")
    String file;
    @Option(names = "--name", description = "a name to screen against the node's lists")
    String name;
    @Option(names = "--dob", description = "birth date of the person screened")
    LocalDate dob;
    @Option(names = "--json", description = "JSON lines")
    boolean json;
    @Option(names = "--limit", defaultValue = "10")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (file != null) {
            return screenBatch();
        }
        if (list != null) {
            return screenFile();
        }
        if (name == null) {
            throw new IllegalArgumentException("give --name (screen the node's lists) or --list FILE --queries FILE");
        }
        try (Node node = data.open()) {
            List<WatchlistHit> hits = node.services.watchlists().screen(new ScreeningQuery(name, dob, null, null, null, null),
                    limit, Operator.actor("watchlist screening at shell"));
            print(name, hits);
            return 0;
        }
    }

    /**
     * The batch against the node's lists, as the operator (every list, the batch audited as one act), or against
     * {@code --list FILE} in memory (nothing of the node read, nothing logged).
     */
    private int screenBatch() throws Exception {
        if (name != null || queries != null) {
            throw new IllegalArgumentException("--file screens a batch: leave out --name and --queries");
        }
        BatchRun run = new BatchRun(file, System.err, System.console() != null);
        if (list != null) {
            ScreeningIndex index = inMemoryIndex();
            if (index == null) {
                return 2;
            }
            Actor operator = Operator.actor("watchlist batch screening of a file against a file");
            return run.run((in, source, out) -> BatchScreening.inMemory(index).screen(in, source, limit, operator,
                    out));
        }
        try (Node node = data.open()) {
            Actor operator = Operator.actor("watchlist batch screening at shell");
            return run.run((in, source, out) -> node.services.watchlists().screenBatch(in, source, limit, operator,
                    out));
        }
    }

    private int screenFile() throws Exception {
        if (queries == null) {
            throw new IllegalArgumentException("--list needs --queries FILE (one name per line, - for stdin)"
                    + " or --file F.csv (a batch of travellers)");
        }
        ScreeningIndex index = inMemoryIndex();
        if (index == null) {
            return 2;
        }
        try (BufferedReader in = queries.equals("-")
                ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(queries), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    print(line.strip(), index.screen(ScreeningQuery.byName(line.strip()), limit));
                }
            }
        }
        return 0;
    }

    /** The index of {@code --list FILE} alone, or null (errors printed) when the file holds no person. */
    private ScreeningIndex inMemoryIndex() {
        ParsedEntries parsed = WatchlistFiles.parse(list, "list", null, null);
        if (!parsed.errors().isEmpty()) {
            for (RowError error : parsed.errors().stream().limit(20).toList()) {
                System.err.println("row " + error.row() + ": " + error.field() + ": " + error.message());
            }
            if (parsed.persons().isEmpty()) {
                return null;
            }
        }
        NameMatcher matcher = new NameMatcher();
        ScreeningIndex index = new ScreeningIndex(matcher, Clock.systemUTC());
        index.replaceList(new WatchlistInfo("list", "list", "file", "none", (int) Math.round(matcher.threshold() * 100)),
                parsed.persons(), parsed.documents());
        return index;
    }

    private void print(String query, List<WatchlistHit> hits) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("query", query);
            out.put("hits", hits.stream().map(h -> {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", h.entryId());
                hit.put("list", h.listId());
                hit.put("score", Math.round(h.score() * 10_000) / 10_000.0);
                hit.put("name", h.matchedName());
                hit.put("action", h.action());
                hit.put("explanation", h.explanation());
                return hit;
            }).toList());
            System.out.println(Json.write(Json.mapper(), out));
        } else {
            System.out.println(query + ": " + (hits.isEmpty() ? "no hit" : hits.size() + " hits"));
            hits.forEach(h -> System.out.printf("  %.3f %s/%s %s: %s%n", h.score(), h.listId(), h.entryId(), h.action(),
                    h.explanation()));
        }
    }
}
