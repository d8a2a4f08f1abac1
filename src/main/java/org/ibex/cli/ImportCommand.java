package org.ibex.cli;

import picocli.CommandLine.Command;

/** Imports crossings, stay rules and IOM DTM displacement figures from CSV or JSON files, and boundaries from GeoJSON. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import crossings, stay rules or DTM figures (CSV or JSON), or map boundaries (GeoJSON).",
        subcommands = {ImportCrossingsCommand.class, ImportStayRulesCommand.class, ImportDtmCommand.class,
                ImportBoundariesCommand.class})
final class ImportCommand {
}
