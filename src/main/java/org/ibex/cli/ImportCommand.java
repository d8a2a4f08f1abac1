package org.ibex.cli;

import picocli.CommandLine.Command;

/** Imports crossings, stay rules and IOM DTM displacement figures from CSV or JSON files. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import crossings, stay rules or DTM figures (CSV or JSON).",
        subcommands = {ImportCrossingsCommand.class, ImportStayRulesCommand.class, ImportDtmCommand.class})
final class ImportCommand {
}
