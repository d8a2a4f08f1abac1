package org.ibex.cli;

import picocli.CommandLine.Command;

/** Statistics for analysts, as CSV or JSON. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Statistics as CSV or JSON.",
        subcommands = {StatsDisplacementCommand.class, StatsSurgesCommand.class})
final class StatsCommand {
}
