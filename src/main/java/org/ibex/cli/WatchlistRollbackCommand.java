package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.ListKeeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Restores an earlier version of a national watchlist as a new version, as the operator. Exit 2 when refused. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore an earlier version of a national watchlist (itself a new version, audited).")
final class WatchlistRollbackCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--list", required = true, description = "list id")
    String list;
    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "the version to restore")
    int version;
    @Option(names = "--confirm-removal", paramLabel = "N",
            description = "confirm a rollback that empties the list or removes more than half of it: N entries removed")
    Integer confirmRemoval;

    @Override
    public Integer call() {
        try (Node node = data.open()) {
            ListKeeper.Outcome outcome = node.services.watchlists().rollback(list, version, confirmRemoval,
                    Operator.listManager("watchlist rollback"));
            System.out.printf("list %s: version %d restores version %d; %s%n", list, outcome.version().version(), version,
                    outcome.change().summary());
            return 0;
        } catch (ConfirmationRequiredException e) {
            System.out.println("not rolled back: " + e.getMessage());
            return 2;
        }
    }
}
