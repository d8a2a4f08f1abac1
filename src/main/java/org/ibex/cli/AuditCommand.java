package org.ibex.cli;

import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import picocli.CommandLine.Command;

/** The tamper-evident audit log: verify, checkpoint, archive. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The tamper-evident audit log.",
        subcommands = {AuditVerifyCommand.class, AuditCheckpointCommand.class, AuditArchiveCommand.class})
final class AuditCommand {
    /** Where archived segments go unless --archive says otherwise. */
    static final String ARCHIVE_FOLDER = "audit-archive";

    /** The audit commands need only the database, not a whole node with its indexes. */
    static Database openDatabase(DataFolder folder) {
        return Database.open(folder.storeConfig());
    }
}
