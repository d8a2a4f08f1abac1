package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.watchlist.WatchlistInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Lists the node's watchlists with their entry counts. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List watchlists.")
final class WatchlistListCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        try (Node node = data.open()) {
            for (WatchlistInfo info : node.services.watchlists().lists()) {
                System.out.printf("%-24s %-30s owner %-24s sharing %-12s threshold %d%%  %d persons  %d documents%n",
                        info.id(), info.name(), info.owner(), info.sharingLabel(), info.matchThresholdPercent(),
                        node.services.watchlists().personCount(info.id()), node.services.watchlists().documentCount(info.id()));
            }
            return 0;
        }
    }
}
