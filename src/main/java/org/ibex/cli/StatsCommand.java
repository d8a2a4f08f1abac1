package org.ibex.cli;

import picocli.CommandLine.Command;

/** Statistics from the node's roll-ups and imports, as CSV or JSON for analysts and for export. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Border-flow and displacement statistics.",
        subcommands = {StatsCrossingsCommand.class, StatsStaysCommand.class, StatsRebuildCommand.class, StatsFlowMonitoringCommand.class,
                StatsDisplacementCommand.class,
                StatsSurgesCommand.class})
final class StatsCommand {
}
