package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.audit.AuditLog;
import org.ibex.audit.Checkpoint;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;

/** Signs the current head of the audit chain with the node's checkpoint key. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Sign the head of the audit chain (key in DATA/keys, passphrase from $IBEX_KEY_PASSPHRASE "
                + "or DATA/keys/passphrase).")
final class AuditCheckpointCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        DataFolder folder = DataFolder.open(data.folder(), System.getenv());
        AuditLog log = new AuditLog(Clock.systemUTC());
        try (Database database = AuditCommand.openDatabase(folder)) {
            Checkpoint checkpoint = database.inTransaction(connection ->
                    log.checkpoint(connection, Node.auditSigner(folder)));
            System.out.println("checkpoint at seq " + checkpoint.seq() + " hash " + checkpoint.hash() + " signed by "
                    + checkpoint.signer());
        }
        return 0;
    }
}
