package org.ibex.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;

/**
 * Archive files: JSON lines, the first the {@link ArchivedSegment} (first and last seq, the hash before the
 * first entry, the hash of the last), then one {@link AuditEntry} per line in seq order.
 */
final class ArchiveFiles {
    private static final ObjectMapper JSON = Json.mapper();

    private ArchiveFiles() {
    }

    static String fileName(long firstSeq, long lastSeq) {
        return String.format("audit-%012d-%012d.jsonl", firstSeq, lastSeq);
    }

    /** Writes the segment durably: to a temporary file, forced to disk, then renamed into place. */
    static void write(Path folder, ArchivedSegment segment, List<AuditEntry> entries) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(segment.file());
        Path partial = folder.resolve(segment.file() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(JSON.writeValueAsString(segment));
            out.newLine();
            for (AuditEntry entry : entries) {
                out.write(JSON.writeValueAsString(entry));
                out.newLine();
            }
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the entries of one archive file in order, after checking its first line names the segment. */
    static void read(Path file, ArchivedSegment expected, AuditRows.EntryVisitor visitor) throws IOException, SQLException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !JSON.readValue(header, ArchivedSegment.class).equals(expected)) {
                throw new IOException("its first line does not describe segment " + expected.firstSeq() + ".."
                        + expected.lastSeq() + " as audit_archive records it");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    visitor.visit(JSON.readValue(line, AuditEntry.class));
                }
            }
        }
    }
}
