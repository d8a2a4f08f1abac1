package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import org.ibex.watchlist.EntryPage;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * Finds the entries of a list whose names hold the text (any name or alias, any script, case-insensitive), or with
 * {@code --document} those whose number holds it: the list keeper's search, not screening (no scoring, no
 * fuzziness). One line per entry, or JSON lines; {@code --after} pages on. The read is in the access log.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a watchlist's entries by part of a name (or of a document number).")
final class WatchlistSearchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Parameters(index = "0", paramLabel = "LIST")
    String list;
    @Parameters(index = "1", paramLabel = "QUERY")
    String query;
    @Option(names = "--document", description = "search document entries by number")
    boolean document;
    @Option(names = "--limit", defaultValue = "50", description = "entries per page (default 50)")
    int limit;
    @Option(names = "--after", paramLabel = "ENTRY", description = "the page after this entry id")
    String after;
    @Option(names = "--json", description = "JSON lines, every field")
    boolean json;

    @Override
    public Integer call() {
        checkListId(list);
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("--limit must be 1..10000 (got " + limit + ")");
        }
        try (Node node = data.open()) {
            EntryPage page = node.services.watchlists().entries(new EntryQuery(list,
                    document ? EntryQuery.Kind.DOCUMENT : EntryQuery.Kind.PERSON, query, after, limit),
                    Operator.listReader("watchlist search at shell"));
            for (PersonEntry p : page.persons()) {
                System.out.println(json ? Json.write(Json.mapper(), EntryText.json(p)) : p.entryId() + "\t"
                        + String.join(" | ", p.names()) + "\t" + String.join("; ",
                        p.datesOfBirth().stream().map(PartialDate::toString).toList()) + "\t"
                        + String.join("; ", p.nationalities()));
            }
            page.documents().forEach(d -> System.out.println(json ? Json.write(Json.mapper(), EntryText.json(d))
                    : d.entryId() + "\t" + d.documentNumber() + "\t" + (d.issuingState() == null ? "-"
                    : d.issuingState()) + "\t" + d.status()));
            if (!json) {
                System.err.println(page.persons().size() + page.documents().size() + " entries"
                        + (page.nextAfter() == null ? "" : "; more with --after " + page.nextAfter()));
            }
            return 0;
        }
    }

    static void checkListId(String list) {
        if (!list.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("LIST must be 1..60 of A-Z a-z 0-9 . _ - (got '" + list + "')");
        }
    }
}
