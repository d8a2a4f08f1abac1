package org.ibex.trust;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvelopeEncryptionTest {
    private static final EnvelopePki PKI = EnvelopePki.create("IBEX Test Root");
    private static final EnvelopePki.Node POST = PKI.node("UTO/IMM/POST-ARL");
    private static final EnvelopePki.Node HQ = PKI.node("XXB/IMM/HQ");
    private static final EnvelopePki.Node THIRD = PKI.node("XXB/POL/HQ");
    private static final byte[] FINGERPRINTS = "ANSI/NIST record, type-14 fingers".getBytes(StandardCharsets.UTF_8);
    private final TestClock clock = new TestClock(EnvelopePki.NOW);
    private final EnvelopeVerifier verifier = new EnvelopeVerifier(Set.of(PKI.root()), serial -> false, HQ.address(),
            clock, Duration.ofMinutes(5), Duration.ofMinutes(1), new InMemoryReplayGuard(clock, Duration.ofMinutes(5)));

    private Envelope search() {
        return Envelope.create(POST.address(), HQ.address(), "biometric.search", "identify traveller at Arlen",
                "application/x-ansi-nist", FINGERPRINTS, EnvelopePki.NOW, Duration.ofMinutes(10));
    }

    @Test
    void encryptedPayloadRoundTripsToTheRecipient() throws Rejection {
        Envelope sent = search();

        SignedEnvelope signed = POST.signer().encryptFor(HQ.certificate()).sign(sent);
        VerifiedEnvelope verified = verifier.verify(signed.toWire());

        assertThat(new String(signed.toWire(), StandardCharsets.ISO_8859_1))
                .as("fingerprints never travel in clear").doesNotContain("type-14");
        assertThat(verified.encrypted()).isTrue();
        assertThat(new EnvelopeDecrypter(HQ.keys().getPrivate()).decrypt(verified)).isEqualTo(sent);
    }

    @Test
    void aThirdPartyCannotDecrypt() throws Rejection {
        VerifiedEnvelope verified = verifier.verify(POST.signer().encryptFor(HQ.certificate()).sign(search()));

        Rejection rejection = catchThrowableOfType(
                () -> new EnvelopeDecrypter(THIRD.keys().getPrivate()).decrypt(verified), Rejection.class);

        assertThat(rejection.code()).isEqualTo(Rejection.Code.UNDECRYPTABLE);
    }

    @Test
    void sealedPayloadLiftedIntoAnotherNodesEnvelopeIsUndecryptable() throws Rejection {
        SignedEnvelope original = POST.signer().encryptFor(HQ.certificate()).sign(search());
        Envelope resent = Envelope.create(THIRD.address(), HQ.address(), "biometric.search", "replayed by a third node",
                "application/x-ansi-nist", original.payload(), EnvelopePki.NOW, Duration.ofMinutes(10));
        VerifiedEnvelope verified = verifier.verify(
                Forgery.sign(resent, true, THIRD.keys().getPrivate(), THIRD.chain()));

        Rejection rejection = catchThrowableOfType(
                () -> new EnvelopeDecrypter(HQ.keys().getPrivate()).decrypt(verified), Rejection.class);

        assertThat(rejection.code()).isEqualTo(Rejection.Code.UNDECRYPTABLE);
        assertThat(rejection.getMessage()).as("the JWE header binds id and sender").contains("sealed for envelope");
    }

    @Test
    void signerRefusesToEncryptToAnotherNodeThanTheRecipient() {
        EnvelopeSigner toThird = POST.signer().encryptFor(THIRD.certificate());

        assertThatThrownBy(() -> toThird.sign(search())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encryptFor");
    }

    @Test
    void unencryptedEnvelopeIsReturnedAsItIs() throws Rejection {
        Envelope sent = search();

        VerifiedEnvelope verified = verifier.verify(POST.signer().sign(sent));

        assertThat(new EnvelopeDecrypter(HQ.keys().getPrivate()).decrypt(verified)).isEqualTo(sent);
    }
}
