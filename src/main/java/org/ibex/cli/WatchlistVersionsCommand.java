package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.watchlist.ListVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Lists a watchlist's stored versions, newest first, with who made each and what it changed. */
@Command(name = "versions", mixinStandardHelpOptions = true, description = "List the stored versions of a watchlist.")
final class WatchlistVersionsCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--list", required = true, description = "list id")
    String list;

    @Override
    public Integer call() {
        try (Node node = data.open()) {
            for (ListVersion v : node.services.watchlists().versions(list,
                    Operator.listManager("watchlist versions"))) {
                System.out.printf("v%-4d %s %-10s %-24s %6d persons %6d documents  +%d -%d ~%d%s%n", v.version(),
                        v.createdAt(), v.change(), v.createdBy(), v.persons(), v.documents(), v.added(), v.removed(),
                        v.changed(), v.restoredFrom() == null ? "" : "  (restores v" + v.restoredFrom() + ")");
            }
            return 0;
        }
    }
}
