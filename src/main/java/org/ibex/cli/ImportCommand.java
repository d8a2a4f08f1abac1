package org.ibex.cli;

import picocli.CommandLine.Command;

/** Imports crossings and stay rules from CSV or JSON files, and admin-area boundaries from GeoJSON. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import crossings or stay rules (CSV or JSON), or map boundaries (GeoJSON).",
        subcommands = {ImportCrossingsCommand.class, ImportStayRulesCommand.class,
                ImportBoundariesCommand.class})
final class ImportCommand {
}
