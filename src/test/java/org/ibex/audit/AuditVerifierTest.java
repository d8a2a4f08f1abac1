package org.ibex.audit;

import org.ibex.audit.AuditVerifier.Break;
import org.ibex.audit.AuditVerifier.Kind;
import org.ibex.audit.AuditVerifier.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The verifier finds every kind of tampering done with plain SQL, and says exactly where. */
class AuditVerifierTest {
    private final AuditFixture fixture = new AuditFixture();
    private final AuditLog log = new AuditLog(AuditFixture.at("2026-01-10T08:00:00.123456789Z"));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anUntouchedChainVerifies() {
        fixture.append(log, 6);
        fixture.checkpoint(log, Signer.generate());

        Verification result = fixture.verify(null);

        assertThat(result.breaks()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(6);
        assertThat(result.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void anEmptyChainVerifies() {
        assertThat(fixture.verify(null).ok()).as("a fresh node has nothing to prove").isTrue();
    }

    @Test
    void aChangedDetailIsReportedAtItsSeqWithBothDigests() {
        fixture.append(log, 6);
        fixture.tamper("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 3");

        Verification result = fixture.verify(null);

        assertThat(result.ok()).isFalse();
        assertThat(result.breaks()).as("one changed row is one break, at its own seq")
                .extracting(Break::kind, Break::seq).containsExactly(tuple(Kind.ENTRY_CHANGED, 3L));
        Break change = result.breaks().get(0);
        assertThat(change.expected()).hasSize(64).isNotEqualTo(change.actual());
        assertThat(change.line()).contains("seq 3", "ENTRY_CHANGED", change.expected(), change.actual());
    }

    @Test
    void aDeletedRowIsReportedAsMissing() {
        fixture.append(log, 6);
        fixture.tamper("DELETE FROM audit_entry WHERE seq = 4");

        Verification result = fixture.verify(null);

        assertThat(result.breaks()).extracting(Break::kind, Break::seq).containsExactly(tuple(Kind.MISSING_ENTRIES, 4L));
        assertThat(result.breaks().get(0).message()).contains("seq 3 is followed by seq 5");
    }

    @Test
    void aSwappedPairIsReportedAtBothRows() {
        fixture.append(log, 6);
        fixture.swap(2, 4);

        Verification result = fixture.verify(null);

        assertThat(result.breaks()).extracting(Break::kind, Break::seq).contains(
                tuple(Kind.PREVIOUS_LINK_BROKEN, 2L), tuple(Kind.ENTRY_CHANGED, 2L),
                tuple(Kind.PREVIOUS_LINK_BROKEN, 4L), tuple(Kind.ENTRY_CHANGED, 4L));
    }

    @Test
    void aTruncatedTailIsReportedAgainstTheHead() {
        fixture.append(log, 6);
        fixture.tamper("DELETE FROM audit_entry WHERE seq >= 5");

        Verification result = fixture.verify(null);

        assertThat(result.breaks()).extracting(Break::kind, Break::seq).containsExactly(tuple(Kind.TRUNCATED, 5L));
        assertThat(result.breaks().get(0).line()).contains("entries up to seq 6", "entries end at seq 4");
    }

    @Test
    void aTruncatedTailWithARewoundHeadIsReportedAgainstTheCheckpoint() {
        fixture.append(log, 6);
        fixture.checkpoint(log, Signer.generate());
        fixture.tamper("DELETE FROM audit_entry WHERE seq >= 5",
                "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_entry WHERE seq = 4)");

        Verification result = fixture.verify(null);

        assertThat(result.breaks()).extracting(Break::kind, Break::seq).containsExactly(tuple(Kind.TRUNCATED, 5L));
        assertThat(result.breaks().get(0).message()).contains("checkpoint");
    }

    @Test
    void aCheckpointWithAForgedSignatureIsReported() {
        fixture.append(log, 6);
        Checkpoint real = fixture.checkpoint(log, Signer.generate());
        fixture.append(log, 1);
        String forged = java.util.Base64.getEncoder().encodeToString(new byte[70]);
        fixture.tamper("INSERT INTO audit_checkpoint(seq, hash, signed_at, signer, public_key, signature) VALUES (7, '"
                + "a".repeat(64) + "', CURRENT_TIMESTAMP, '" + real.signer() + "', '" + real.publicKey() + "', '" + forged + "')");

        Verification result = fixture.verify(null);

        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(result.breaks()).extracting(Break::kind, Break::seq)
                .containsExactlyInAnyOrder(tuple(Kind.BAD_SIGNATURE, 7L), tuple(Kind.CHECKPOINT_MISMATCH, 7L));
    }

    @Test
    void aCheckpointByAnUnpinnedKeyIsReportedWhenKeysArePinned() {
        fixture.append(log, 2);
        Signer ours = Signer.generate();
        fixture.checkpoint(log, Signer.generate());

        Verification result = fixture.verify(new AuditVerifier(Set.of(ours.name())), null);

        assertThat(result.breaks()).extracting(Break::kind, Break::seq).containsExactly(tuple(Kind.UNTRUSTED_SIGNER, 2L));
    }

    @Test
    void aCheckpointThatDisagreesWithTheChainIsReported() {
        fixture.append(log, 3);
        fixture.checkpoint(log, Signer.generate());
        fixture.tamper("UPDATE audit_entry SET hash = '" + "b".repeat(64) + "' WHERE seq = 3",
                "UPDATE audit_head SET hash = '" + "b".repeat(64) + "'");

        assertThat(fixture.verify(null).breaks()).extracting(Break::kind, Break::seq)
                .containsExactlyInAnyOrder(tuple(Kind.ENTRY_CHANGED, 3L), tuple(Kind.CHECKPOINT_MISMATCH, 3L));
    }
}
