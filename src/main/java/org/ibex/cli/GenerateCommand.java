package org.ibex.cli;

import picocli.CommandLine.Command;

/** Synthetic data for benchmarks and demonstrations. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate synthetic data into the node's store.",
        subcommands = {GenerateCrossingsCommand.class})
final class GenerateCommand {
}
