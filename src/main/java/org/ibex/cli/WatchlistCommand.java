package org.ibex.cli;

import picocli.CommandLine.Command;

/** Watchlists: import, list, screen. */
@Command(name = "watchlist", mixinStandardHelpOptions = true, description = "Watchlists of persons and documents.",
        subcommands = {WatchlistImportCommand.class, WatchlistListCommand.class, WatchlistScreenCommand.class})
final class WatchlistCommand {
}
