package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import org.ibex.watchlist.EntryPage;
import org.ibex.watchlist.EntryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * Shows one entry of a list with every field it holds: all names and scripts, all birth dates, nationalities and
 * documents, place of birth, sex, reason, source, validity, action. A person entry is looked for first, then a
 * document entry of that id. The read is in the access log. Exit 0 shown, 3 no such entry.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show every field of one watchlist entry.")
final class WatchlistShowCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Parameters(index = "0", paramLabel = "LIST")
    String list;
    @Parameters(index = "1", paramLabel = "ENTRY")
    String entry;
    @Option(names = "--json", description = "one JSON object")
    boolean json;

    @Override
    public Integer call() {
        WatchlistSearchCommand.checkListId(list);
        try (Node node = data.open()) {
            var lists = node.services.watchlists();
            var reader = Operator.listReader("watchlist show at shell");
            EntryPage page = lists.entry(list, EntryQuery.Kind.PERSON, entry, reader);
            if (page.persons().isEmpty()) {
                page = lists.entry(list, EntryQuery.Kind.DOCUMENT, entry, reader);
            }
            if (!page.persons().isEmpty()) {
                var person = page.persons().get(0);
                System.out.println(json ? Json.write(Json.mapper(), EntryText.json(person))
                        : String.join(System.lineSeparator(), EntryText.lines(person)));
                return 0;
            }
            if (!page.documents().isEmpty()) {
                var document = page.documents().get(0);
                System.out.println(json ? Json.write(Json.mapper(), EntryText.json(document))
                        : String.join(System.lineSeparator(), EntryText.lines(document)));
                return 0;
            }
            System.err.println("ibex: list " + list + " has no entry '" + entry + "'");
            return 3;
        }
    }
}
