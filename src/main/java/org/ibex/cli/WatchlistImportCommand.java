package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.Progress;

import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.RowError;
import org.ibex.watchlist.WatchlistService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Imports a watchlist file as the new content of a national list, as the operator: all or nothing, versioned
 * and audited. Exit 0 imported, 2 not imported (errors, or a removal not confirmed).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a national watchlist (CSV, JSON, UN Security Council XML, OpenSanctions simple CSV);"
                + " all or nothing, kept as a new version.")
final class WatchlistImportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Parameters(paramLabel = "FILE")
    Path file;
    @Option(names = "--list", required = true, description = "list id, e.g. national-alerts")
    String list;
    @Option(names = "--name", description = "list name (default: the id)")
    String name;
    @Option(names = "--owner", description = "the authority answering for the list; required to create one, fixed after")
    String owner;
    @Option(names = "--sharing", description = "sharing label, e.g. national, TLP:AMBER (default: national, or as it is)")
    String sharing;
    @Option(names = "--confirm-removal", paramLabel = "N",
            description = "confirm an import that empties the list or removes more than half of it: N entries removed")
    Integer confirmRemoval;
    @Option(names = "--threshold", description = "match threshold in percent (default: the matcher's)")
    Integer threshold;
    @Option(names = "--format", description = "csv, json, un-xml, opensanctions (default: from the file)")
    String format;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        if (!list.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("--list must be 1..60 of A-Z a-z 0-9 . _ - (got '" + list + "')");
        }
        try (Node node = data.open()) {
            WatchlistService watchlists = node.services.watchlists();
            if (threshold != null && (threshold < 1 || threshold > 100)) {
                throw new IllegalArgumentException("--threshold must be 1..100 (got " + threshold + ")");
            }
            Progress progress = new Progress("entries", Math.max(1, estimateRows()));
            int[] last = {0};
            WatchlistService.ImportResult result;
            try {
                result = watchlists.importFile(new ListImport(list, name, owner, sharing, threshold, confirmRemoval), file,
                        format, rows -> {
                            progress.advance(rows - last[0]);
                            last[0] = rows;
                        }, Operator.listManager("watchlist import"));
            } catch (ConfirmationRequiredException e) {
                progress.done();
                System.out.println("not imported: " + e.getMessage() + "; list '" + list + "' is unchanged");
                return 2;
            }
            progress.done();
            for (RowError error : result.errors().stream().limit(50).toList()) {
                System.out.println("  " + (error.row() == 0 ? "file" : "row " + error.row()) + ": "
                        + (error.field() == null ? "" : error.field() + ": ") + error.message() + " [" + error.rule() + "]");
            }
            if (result.errors().size() > 50) {
                System.out.println("  ... and " + (result.errors().size() - 50) + " more");
            }
            if (!result.imported()) {
                System.out.println("not imported: " + result.rowsRead() + " rows read, " + result.errors().size()
                        + " errors; list '" + list + "' is unchanged");
                return 2;
            }
            System.out.printf("list %s: %d persons, %d lost or stolen documents imported from %d rows in %.1f s (%d warnings);"
                    + " version %d, %s%n", list, result.persons(), result.documents(), result.rowsRead(), progress.seconds(),
                    result.errors().size(), result.version(), result.change().summary());
            return 0;
        }
    }

    private long estimateRows() {
        try {
            return Files.size(file) / 120;
        } catch (java.io.IOException e) {
            return 1;
        }
    }
}
