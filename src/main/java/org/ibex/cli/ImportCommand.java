package org.ibex.cli;

import picocli.CommandLine.Command;

/** Imports crossings and stay rules from CSV or JSON files. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import crossings or stay rules (CSV or JSON).",
        subcommands = {ImportCrossingsCommand.class, ImportStayRulesCommand.class})
final class ImportCommand {
}
