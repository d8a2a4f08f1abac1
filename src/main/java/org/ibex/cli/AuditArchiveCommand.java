package org.ibex.cli;

import org.ibex.audit.ArchivedSegment;
import org.ibex.audit.AuditArchiver;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Moves audit entries older than a date, in whole checkpointed segments, to an archive file. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Move audit entries older than a date (UTC), up to the last checkpoint before it, to "
                + "DATA/audit-archive.")
final class AuditArchiveCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--before", required = true, paramLabel = "DATE", description = "archive entries before this day (yyyy-MM-dd, UTC)")
    LocalDate before;

    @Option(names = "--archive", paramLabel = "DIR", description = "folder for archive files (default: DATA/audit-archive)")
    Path archive;

    @Override
    public Integer call() {
        DataFolder folder = DataFolder.open(data.folder(), System.getenv());
        Path target = archive != null ? archive : folder.root().resolve(AuditCommand.ARCHIVE_FOLDER);
        AuditArchiver archiver = new AuditArchiver(Clock.systemUTC());
        try (Database database = AuditCommand.openDatabase(folder)) {
            Optional<ArchivedSegment> segment = database.inTransaction(connection -> {
                try {
                    return archiver.archive(connection, before.atStartOfDay(ZoneOffset.UTC).toInstant(), target);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the archive in " + target + ": " + e.getMessage(), e);
                }
            });
            System.out.println(segment.map(s -> "archived seq " + s.firstSeq() + ".." + s.lastSeq() + " to "
                    + target.resolve(s.file())).orElse("nothing to archive: no checkpoint closes a segment before " + before));
        }
        return 0;
    }
}
