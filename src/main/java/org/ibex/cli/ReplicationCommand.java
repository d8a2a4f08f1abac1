package org.ibex.cli;

import picocli.CommandLine.Command;

/** Replication between posts and their headquarters, seen from the shell. */
@Command(name = "replication", mixinStandardHelpOptions = true,
        description = "Replication post -> headquarters: the national store's records.",
        subcommands = {ReplicationRecordsCommand.class})
final class ReplicationCommand {
}
