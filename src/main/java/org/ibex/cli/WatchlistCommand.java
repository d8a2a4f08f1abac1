package org.ibex.cli;

import picocli.CommandLine.Command;

/** Watchlists: import, list, versions, rollback, screen (one name or a batch), show, search, calibrate. */
@Command(name = "watchlist", mixinStandardHelpOptions = true, description = "Watchlists of persons and documents.",
        subcommands = {WatchlistImportCommand.class, WatchlistListCommand.class, WatchlistVersionsCommand.class,
                WatchlistRollbackCommand.class, WatchlistScreenCommand.class, WatchlistShowCommand.class,
                WatchlistSearchCommand.class, WatchlistCalibrateCommand.class})
final class WatchlistCommand {
}
