package org.ibex.audit;

import org.ibex.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Appends chain entries in the caller's transaction; the database refuses to change them. */
class AuditLogTest {
    private final AuditFixture fixture = new AuditFixture();
    private final AuditLog log = new AuditLog(AuditFixture.at("2026-02-01T10:00:00Z"));
    private final AccessLog accessLog = new AccessLog(fixture.database, log, AuditFixture.at("2026-02-01T10:00:00Z"));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void entriesTakeConsecutiveSeqsEachLinkedToThePrevious() {
        fixture.append(log, 2);
        String secondHash = head()[1];
        AuditEntry third = fixture.database.inTransaction(c -> log.append(c,
                new AuditEntry.Draft("message-received", "peer-b", "case 7", null)));

        assertThat(third.seq()).isEqualTo(3);
        assertThat(third.hash()).isEqualTo(ChainDigest.entryHash(third)).hasSize(64);
        assertThat(third.prevHash()).isEqualTo(secondHash).isNotEqualTo(third.hash());
        assertThat(head()).containsExactly("3", third.hash());
    }

    @Test
    void entriesAppendedTogetherFormTheSameChainAsOneByOne() {
        fixture.append(log, 1);
        java.util.List<AuditEntry> batch = fixture.database.inTransaction(c -> log.appendAll(c, java.util.List.of(
                new AuditEntry.Draft("exchange.sent", "peer-b", "m1", null),
                new AuditEntry.Draft("exchange.sent", "peer-b", "m2", "receipt=r"))));
        fixture.append(log, 1);

        assertThat(batch).extracting(AuditEntry::seq).containsExactly(2L, 3L);
        assertThat(batch.get(1).prevHash()).isEqualTo(batch.get(0).hash());
        assertThat(head()[0]).isEqualTo("4");
        assertThat(fixture.verify(null).ok()).isTrue();
        java.util.List<AuditEntry> none = fixture.database.inTransaction(c -> log.appendAll(c, java.util.List.of()));
        assertThat(none).isEmpty();
        assertThat(head()[0]).as("nothing to append moves nothing").isEqualTo("4");
    }

    @Test
    void anAccessIsAlsoAnAccessEntryInTheChain() {
        accessLog.record(new AccessLog.Access("officer.a", "officer", "read-person", "person 42", "inspection", "10.0.0.5"));

        assertThat(accessLog.recent(10)).hasSize(1);
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo("access");
        assertThat(entry.actor()).isEqualTo("officer.a");
        assertThat(entry.subject()).isEqualTo("person 42");
        assertThat(entry.detail()).contains("\"action\":\"read-person\"", "\"purpose\":\"inspection\"");
        assertThat(fixture.verify(null).ok()).isTrue();
    }

    @Test
    void aRolledBackAccessLeavesNoChainEntry() {
        assertThatThrownBy(() -> fixture.database.inTransaction(connection -> {
            accessLog.record(connection, new AccessLog.Access("officer.a", "officer", "read", "person 1", "check", null));
            throw new IllegalStateException("the change being logged failed");
        })).hasMessageContaining("failed");

        assertThat(head()).as("the access and its chain entry go together").containsExactly("0", ChainDigest.GENESIS);
        fixture.append(log, 1);
        assertThat(fixture.verify(null).ok()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        fixture.append(log, 2);
        fixture.checkpoint(log, Signer.generate());

        assertThatThrownBy(() -> execute("UPDATE audit_entry SET detail = 'x' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_entry WHERE seq = 2"))
                .as("only archived segments may be deleted").hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_checkpoint")).isInstanceOf(StoreException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void anEmptyLogHasNothingToCheckpoint() {
        assertThatThrownBy(() -> fixture.checkpoint(log, Signer.generate())).hasMessageContaining("audit log is empty");
    }

    @Test
    void aCheckpointSignsTheHeadOnceAndItsSignatureHolds() {
        fixture.append(log, 3);
        Signer signer = Signer.generate();

        Checkpoint first = fixture.checkpoint(log, signer);
        Checkpoint again = fixture.checkpoint(log, signer);

        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.hash()).isEqualTo(head()[1]);
        assertThat(first.signer()).isEqualTo(signer.name()).startsWith("p256:");
        assertThat(first.signatureHolds()).isTrue();
        assertThat(again).as("the same head is not signed twice").isEqualTo(first);
        assertThat(new Checkpoint(3, "c".repeat(64), first.signedAt(), first.signer(), first.publicKey(),
                first.signature()).signatureHolds()).as("the signature covers the hash").isFalse();
    }

    private void execute(String sql) {
        fixture.database.inTransaction(connection -> connection.createStatement().executeUpdate(sql));
    }

    private String[] head() {
        return fixture.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM audit_head");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new String[]{Long.toString(row.getLong(1)), row.getString(2)};
            }
        });
    }

    private AuditEntry onlyEntry() {
        return fixture.database.read(connection -> {
            java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
            AuditRows.entries(connection, 0, Long.MAX_VALUE, entries::add);
            assertThat(entries).hasSize(1);
            return entries.get(0);
        });
    }
}
