package org.ibex.trust;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptsTest {
    private static final EnvelopePki PKI = EnvelopePki.create("IBEX Test Root");
    private static final EnvelopePki.Node POST = PKI.node("UTO/IMM/POST-ARL");
    private static final EnvelopePki.Node HQ = PKI.node("XXB/IMM/HQ");
    private final TestClock clock = new TestClock(EnvelopePki.NOW);

    private EnvelopeVerifier verifierAt(EnvelopePki.Node node) {
        return new EnvelopeVerifier(Set.of(PKI.root()), serial -> false, node.address(), clock, Duration.ofMinutes(5),
                Duration.ofMinutes(1), new InMemoryReplayGuard(clock, Duration.ofMinutes(5)));
    }

    @Test
    void receiptIsASignedProofOfDeliveryBackToTheSender() throws Rejection {
        Envelope sent = EnvelopeVerifierTest.crossing(POST.address(), HQ.address(), EnvelopePki.NOW)
                .withAgreement("UTO-XXB-2025-07");
        Envelope received = verifierAt(HQ).verify(POST.signer().sign(sent)).envelope();
        clock.advance(Duration.ofSeconds(2));

        VerifiedEnvelope receipt = verifierAt(POST).verify(Receipts.receiptFor(received, HQ.signer(), clock));

        assertThat(receipt.sender()).isEqualTo(HQ.address());
        assertThat(receipt.envelope().type()).isEqualTo(Receipts.TYPE);
        assertThat(receipt.envelope().correlation()).isEqualTo(sent.id());
        assertThat(receipt.envelope().agreement()).as("a receipt travels under the same agreement")
                .isEqualTo("UTO-XXB-2025-07");
        assertThat(receipt.envelope().created()).isEqualTo(clock.instant());
        Receipts.Proof proof = Receipts.proofsIn(receipt.envelope()).get(0);
        assertThat(proof.receivedId()).isEqualTo(sent.id());
        assertThat(proof.payloadSha256()).isEqualTo(sent.payloadSha256());
        assertThat(proof.acknowledges(sent)).isTrue();
    }

    @Test
    void receiptForAnEncryptedEnvelopeNamesTheDigestTheSenderSigned() throws Rejection {
        Envelope search = Envelope.create(POST.address(), HQ.address(), "biometric.search", "identify traveller",
                "application/x-ansi-nist", new byte[]{1, 2, 3}, EnvelopePki.NOW, Duration.ofMinutes(10));
        SignedEnvelope signed = POST.signer().encryptFor(HQ.certificate()).sign(search);
        Envelope received = verifierAt(HQ).verify(signed).envelope();

        Receipts.Proof proof = Receipts.proofsIn(
                verifierAt(POST).verify(Receipts.receiptFor(received, HQ.signer(), clock)).envelope()).get(0);

        assertThat(proof.payloadSha256()).as("the digest of the ciphertext that travelled")
                .isEqualTo(Envelope.sha256(signed.payload()));
        assertThat(proof.acknowledges(search)).as("not the plaintext").isFalse();
    }

    @Test
    void receiptDoesNotAcknowledgeADifferentPayload() throws Rejection {
        Envelope sent = EnvelopeVerifierTest.crossing(POST.address(), HQ.address(), EnvelopePki.NOW);
        Envelope received = verifierAt(HQ).verify(POST.signer().sign(sent)).envelope();

        Receipts.Proof proof = Receipts.proofsIn(
                verifierAt(POST).verify(Receipts.receiptFor(received, HQ.signer(), clock)).envelope()).get(0);

        assertThat(proof.acknowledges(sent.withPayload(new byte[]{'{', '}'}))).isFalse();
    }

    @Test
    void oneReceiptAcknowledgesABatchWithOneProofPerEnvelope() throws Rejection {
        List<Envelope> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Envelope sent = EnvelopeVerifierTest.crossing(POST.address(), HQ.address(), EnvelopePki.NOW);
            received.add(verifierAt(HQ).verify(POST.signer().sign(sent)).envelope());
        }

        VerifiedEnvelope receipt = verifierAt(POST).verify(Receipts.receiptFor(received, HQ.signer(), clock));

        List<Receipts.Proof> proofs = Receipts.proofsIn(receipt.envelope());
        assertThat(proofs).extracting(Receipts.Proof::receivedId)
                .containsExactlyElementsOf(received.stream().map(Envelope::id).toList());
        assertThat(proofs.get(2).acknowledges(received.get(2))).isTrue();
        assertThat(receipt.envelope().correlation()).as("no single envelope to correlate with").isNull();
    }

    @Test
    void aReceiptGoesToOneSender() throws Rejection {
        Envelope fromPost = verifierAt(HQ).verify(POST.signer().sign(
                EnvelopeVerifierTest.crossing(POST.address(), HQ.address(), EnvelopePki.NOW))).envelope();
        Envelope fromElsewhere = fromPost.withPayload(new byte[]{1});
        Envelope other = new Envelope(fromElsewhere.id(), HQ.address(), HQ.address(), "crossing.record", "test",
                null, EnvelopePki.NOW, EnvelopePki.NOW.plusSeconds(60), null, null, 0, "application/json", new byte[]{1});

        assertThatThrownBy(() -> Receipts.receiptFor(List.of(fromPost, other), HQ.signer(), clock))
                .hasMessageContaining("one receipt goes to one sender");
    }
}
