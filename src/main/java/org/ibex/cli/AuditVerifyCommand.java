package org.ibex.cli;

import org.ibex.audit.AuditVerifier;
import org.ibex.audit.SigningKeys;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Re-checks the whole audit chain; exit 0 when intact, 1 with one line per break. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the audit chain, its checkpoints and archived segments. Exit 0 intact, 1 broken.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--archive", paramLabel = "DIR",
            description = "folder of archived segments (default: DATA/audit-archive when it exists)")
    Path archive;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DataFolder folder = DataFolder.open(data.folder(), System.getenv());
        Path archiveFolder = archive != null ? archive : folder.root().resolve(AuditCommand.ARCHIVE_FOLDER);
        if (archive != null && !Files.isDirectory(archive)) {
            throw new IllegalArgumentException("--archive " + archive + " is not a folder");
        }
        // A key made in this data folder is pinned: checkpoints signed by any other key are reported.
        AuditVerifier verifier = new AuditVerifier(SigningKeys.pinned(folder.root().resolve("keys")));
        AuditVerifier.Verification result;
        try (Database database = AuditCommand.openDatabase(folder)) {
            result = database.read(connection -> verifier.verify(connection,
                    Files.isDirectory(archiveFolder) ? archiveFolder : null));
        }
        if (json) {
            System.out.println(Json.write(Json.mapper(), result));
        } else if (result.ok()) {
            System.out.println("audit chain intact: " + result.entriesChecked() + " entries, "
                    + result.checkpointsChecked() + " checkpoints");
        } else {
            result.breaks().forEach(b -> System.out.println(b.line()));
        }
        return result.ok() ? 0 : 1;
    }
}
