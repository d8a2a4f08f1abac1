package org.ibex.audit;

import org.ibex.audit.AuditVerifier.Break;
import org.ibex.audit.AuditVerifier.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Retention moves whole checkpointed segments to files, and the chain still verifies across them. */
class AuditArchiverTest {
    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
    private final AuditFixture fixture = new AuditFixture();
    private final AuditLog january = new AuditLog(AuditFixture.at("2026-01-15T09:30:00Z"));
    private final AuditLog march = new AuditLog(AuditFixture.at("2026-03-15T09:30:00Z"));
    private final AuditArchiver archiver = new AuditArchiver(AuditFixture.at("2026-04-01T00:00:00Z"));
    private final Signer signer = Signer.generate();
    private final Path archive;

    AuditArchiverTest() {
        archive = fixture.folder.resolve("audit-archive");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void archivesUpToTheLastCheckpointBeforeTheDateAndStillVerifies() throws Exception {
        fixture.append(january, 3);
        fixture.checkpoint(january, signer);
        fixture.append(january, 2);
        fixture.checkpoint(january, signer);
        fixture.append(march, 4);
        fixture.checkpoint(march, signer);

        ArchivedSegment segment = archive().orElseThrow();

        assertThat(segment.firstSeq()).isEqualTo(1);
        assertThat(segment.lastSeq()).as("the last checkpoint before February closes the segment").isEqualTo(5);
        assertThat(segment.prevHash()).isEqualTo(ChainDigest.GENESIS);
        assertThat(Files.readAllLines(archive.resolve(segment.file()))).hasSize(1 + 5);
        assertThat(fixture.verify(archive).breaks()).isEmpty();
        assertThat(fixture.verify(archive).entriesChecked()).as("archived entries are re-checked from the file").isEqualTo(9);
        assertThat(fixture.verify(null).ok()).as("without the files the chain continues from the recorded segment").isTrue();
        assertThat(fixture.verify(null).entriesChecked()).isEqualTo(4);
        assertThat(archive()).as("nothing old is left to archive").isEmpty();
    }

    @Test
    void archivesNothingWithoutACheckpoint() throws Exception {
        fixture.append(january, 3);

        assertThat(archive()).isEmpty();
        assertThat(fixture.verify(null).entriesChecked()).isEqualTo(3);
    }

    @Test
    void aSecondArchiveContinuesTheFirst() throws Exception {
        fixture.append(january, 2);
        fixture.checkpoint(january, signer);
        archive();
        fixture.append(january, 2);
        fixture.checkpoint(january, signer);
        fixture.append(march, 1);

        ArchivedSegment second = archive().orElseThrow();

        assertThat(second.firstSeq()).isEqualTo(3);
        assertThat(second.lastSeq()).isEqualTo(4);
        assertThat(fixture.verify(archive).breaks()).isEmpty();
        assertThat(fixture.verify(archive).entriesChecked()).isEqualTo(5);
    }

    @Test
    void aMissingOrAlteredArchiveFileIsReported() throws Exception {
        fixture.append(january, 3);
        fixture.checkpoint(january, signer);
        fixture.append(march, 1);
        ArchivedSegment segment = archive().orElseThrow();
        Path file = archive.resolve(segment.file());
        Files.writeString(file, Files.readString(file).replace("\"peer-1\"", "\"peer-9\""));

        assertThat(fixture.verify(archive).breaks()).extracting(Break::kind, Break::seq)
                .containsExactly(tuple(Kind.ENTRY_CHANGED, 2L));
        Files.delete(file);
        assertThat(fixture.verify(archive).breaks()).extracting(Break::kind, Break::seq)
                .containsExactly(tuple(Kind.ARCHIVE_MISSING, 1L));
    }

    @Test
    void refusesToArchiveABrokenSegment() {
        fixture.append(january, 3);
        fixture.checkpoint(january, signer);
        fixture.append(march, 1);
        fixture.tamper("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 2");

        assertThatThrownBy(this::archive).hasMessageContaining("refusing to archive seq 1..3")
                .hasMessageContaining("seq 2: ENTRY_CHANGED");
        assertThat(archive).doesNotExist();
    }

    private Optional<ArchivedSegment> archive() {
        return fixture.database.inTransaction(connection -> {
            try {
                return archiver.archive(connection, FEBRUARY, archive);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
