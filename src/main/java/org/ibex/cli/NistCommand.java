package org.ibex.cli;

import picocli.CommandLine.Command;

/** ANSI/NIST-ITL transactions: list records, extract images. */
@Command(name = "nist", mixinStandardHelpOptions = true,
        description = "Inspect ANSI/NIST-ITL transactions (exit 0 ok, 1 file rejected, 2 usage).",
        subcommands = {NistDumpCommand.class, NistImagesCommand.class})
final class NistCommand {
}
