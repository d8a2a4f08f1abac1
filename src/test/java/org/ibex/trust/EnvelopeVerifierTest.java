package org.ibex.trust;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvelopeVerifierTest {
    private static final EnvelopePki PKI = EnvelopePki.create("IBEX Test Root");
    private static final EnvelopePki.Node POST = PKI.node("UTO/IMM/POST-ARL");
    private static final EnvelopePki.Node HQ = PKI.node("XXB/IMM/HQ");
    private final TestClock clock = new TestClock(EnvelopePki.NOW);
    private final Set<BigInteger> revoked = new HashSet<>();
    private final EnvelopeVerifier verifier = new EnvelopeVerifier(Set.of(PKI.root()), revoked::contains,
            HQ.address(), clock, Duration.ofMinutes(5), Duration.ofMinutes(1),
            new InMemoryReplayGuard(clock, Duration.ofMinutes(5)));

    static Envelope crossing(NodeIdentity from, NodeIdentity to, Instant created) {
        return Envelope.create(from, to, "crossing.record", "crossing at Arlen post",
                "application/json", "{\"document\":\"X1234567\"}".getBytes(StandardCharsets.UTF_8), created,
                Duration.ofMinutes(10));
    }

    private Envelope crossing() {
        return crossing(POST.address(), HQ.address(), EnvelopePki.NOW);
    }

    private Rejection.Code rejection(SignedEnvelope signed) {
        return catchThrowableOfType(() -> verifier.verify(signed), Rejection.class).code();
    }

    @Test
    void goodEnvelopeVerifiesWithItsSenderIdentity() throws Rejection {
        Envelope sent = crossing().withAgreement("UTO-XXB-2025-07").withCorrelation(
                "0b5a8c3e-1d2f-4a6b-9c7d-8e9f0a1b2c3d").inStream("arl-lane-3", 42);

        VerifiedEnvelope verified = verifier.verify(POST.signer().sign(sent).toWire());

        assertThat(verified.envelope()).as("every header field and the payload survive the trip").isEqualTo(sent);
        assertThat(verified.sender()).isEqualTo(POST.address());
        assertThat(verified.senderCertificate()).isEqualTo(POST.certificate());
        assertThat(verified.encrypted()).isFalse();
    }

    @Test
    void nodeNamedOnlyByCommonNameIsAccepted() throws Rejection {
        EnvelopePki.Node legacy = PKI.nodeNamedByCommonName("UTO/IMM/POST-BRV");

        assertThat(verifier.verify(legacy.signer().sign(crossing(legacy.address(), HQ.address(), EnvelopePki.NOW)))
                .sender()).isEqualTo(legacy.address());
    }

    @Test
    void tamperedPayloadIsBadSignature() {
        SignedEnvelope signed = POST.signer().sign(crossing());
        byte[] payload = signed.payload();
        payload[3] ^= 1;

        assertThat(rejection(new SignedEnvelope(signed.token(), payload))).isEqualTo(Rejection.Code.BAD_SIGNATURE);
    }

    @Test
    void tamperedHeaderFieldIsBadSignature() {
        Envelope sent = crossing();
        SignedEnvelope signed = POST.signer().sign(sent);
        Envelope changed = new Envelope(sent.id(), sent.sender(), sent.recipient(), sent.type(), "another purpose",
                sent.agreement(), sent.created(), sent.expiry(), null, null, 0, sent.contentType(), sent.payload());

        assertThat(rejection(Forgery.withHeader(signed, EnvelopeJson.write(changed, false))))
                .as("purpose is signed like every other header field").isEqualTo(Rejection.Code.BAD_SIGNATURE);
    }

    @Test
    void signatureByAnotherKeyThanTheCertificatesIsBadSignature() {
        SignedEnvelope forged = Forgery.sign(crossing(), false, EnvelopePki.newKeyPair().getPrivate(), POST.chain());

        assertThat(rejection(forged)).isEqualTo(Rejection.Code.BAD_SIGNATURE);
    }

    @Test
    void certificateFromAnotherRootIsUntrustedChain() {
        EnvelopePki.Node stranger = EnvelopePki.create("Other Root").node("UTO/IMM/POST-ARL");

        Rejection rejection = catchThrowableOfType(() -> verifier.verify(stranger.signer().sign(crossing())),
                Rejection.class);

        assertThat(rejection.code()).isEqualTo(Rejection.Code.UNTRUSTED_CHAIN);
        assertThat(rejection.getMessage()).contains("x5c");
    }

    @Test
    void revokedSenderCertificateIsRefused() {
        revoked.add(POST.serial());

        assertThat(rejection(POST.signer().sign(crossing()))).isEqualTo(Rejection.Code.REVOKED_CERTIFICATE);
    }

    @Test
    void expiredOrNotYetValidCertificateIsRefused() {
        EnvelopePki.Node expired = PKI.node("UTO/IMM/POST-OLD", EnvelopePki.NOW.minus(Duration.ofDays(60)),
                EnvelopePki.NOW.minus(Duration.ofDays(1)));
        EnvelopePki.Node early = PKI.node("UTO/IMM/POST-NEW", EnvelopePki.NOW.plus(Duration.ofDays(1)),
                EnvelopePki.NOW.plus(Duration.ofDays(60)));

        assertThat(rejection(expired.signer().sign(crossing(expired.address(), HQ.address(), EnvelopePki.NOW))))
                .isEqualTo(Rejection.Code.EXPIRED_CERTIFICATE);
        assertThat(rejection(early.signer().sign(crossing(early.address(), HQ.address(), EnvelopePki.NOW))))
                .isEqualTo(Rejection.Code.EXPIRED_CERTIFICATE);
    }

    @Test
    void senderFieldDifferentFromTheCertificatesNodeIsSenderMismatch() {
        Envelope claimingOther = crossing(NodeIdentity.parse("UTO/IMM/POST-BRV"), HQ.address(), EnvelopePki.NOW);
        SignedEnvelope forged = Forgery.sign(claimingOther, false, POST.keys().getPrivate(), POST.chain());

        Rejection rejection = catchThrowableOfType(() -> verifier.verify(forged), Rejection.class);

        assertThat(rejection.code()).isEqualTo(Rejection.Code.SENDER_MISMATCH);
        assertThat(rejection.getMessage()).contains("'sender'", "UTO/IMM/POST-BRV", "UTO/IMM/POST-ARL");
    }

    @Test
    void signerRefusesToSignForAnotherNode() {
        assertThatThrownBy(() -> POST.signer().sign(crossing(HQ.address(), POST.address(), EnvelopePki.NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not this node");
    }

    @Test
    void envelopeForAnotherNodeIsWrongRecipient() {
        Envelope elsewhere = crossing(POST.address(), NodeIdentity.parse("XXB/IMM/ANNEX"), EnvelopePki.NOW);

        assertThat(rejection(POST.signer().sign(elsewhere))).isEqualTo(Rejection.Code.WRONG_RECIPIENT);
    }

    @Test
    void envelopePastItsExpiryIsExpired() {
        Envelope stale = Envelope.create(POST.address(), HQ.address(), "crossing.record", "late", "application/json",
                new byte[]{'{', '}'}, EnvelopePki.NOW.minus(Duration.ofMinutes(3)), Duration.ofMinutes(2));

        assertThat(rejection(POST.signer().sign(stale))).isEqualTo(Rejection.Code.EXPIRED);
    }

    @Test
    void envelopeCreatedTooLongAgoOrInTheFutureIsOutsideWindow() {
        Envelope old = crossing(POST.address(), HQ.address(), EnvelopePki.NOW.minus(Duration.ofMinutes(6)));
        Envelope future = crossing(POST.address(), HQ.address(), EnvelopePki.NOW.plus(Duration.ofMinutes(2)));
        Envelope slightlyAhead = crossing(POST.address(), HQ.address(), EnvelopePki.NOW.plus(Duration.ofSeconds(50)));

        assertThat(rejection(POST.signer().sign(old))).isEqualTo(Rejection.Code.OUTSIDE_WINDOW);
        assertThat(rejection(POST.signer().sign(future))).isEqualTo(Rejection.Code.OUTSIDE_WINDOW);
        assertThat(catchThrowableOfType(() -> verifier.verify(POST.signer().sign(slightlyAhead)), Rejection.class))
                .as("a sender clock 50 s ahead is within the allowed skew").isNull();
    }

    @Test
    void secondDeliveryOfTheSameIdIsReplayed() throws Rejection {
        SignedEnvelope signed = POST.signer().sign(crossing());
        verifier.verify(signed);

        assertThat(rejection(signed)).isEqualTo(Rejection.Code.REPLAYED);
    }

    @Test
    void checksRunInOrderSoTheFirstFaultIsReported() {
        EnvelopePki.Node expiredStranger = EnvelopePki.create("Other Root").node("UTO/IMM/POST-ARL",
                EnvelopePki.NOW.minus(Duration.ofDays(60)), EnvelopePki.NOW.minus(Duration.ofDays(1)));
        revoked.add(POST.serial());
        Envelope wrongAndStale = crossing(POST.address(), NodeIdentity.parse("XXB/IMM/ANNEX"),
                EnvelopePki.NOW.minus(Duration.ofMinutes(20)));

        assertThat(rejection(expiredStranger.signer().sign(crossing()))).as("chain before certificate dates")
                .isEqualTo(Rejection.Code.UNTRUSTED_CHAIN);
        assertThat(rejection(POST.signer().sign(wrongAndStale))).as("revocation before recipient and times")
                .isEqualTo(Rejection.Code.REVOKED_CERTIFICATE);
    }

    static Stream<byte[]> hostileInputs() {
        Random random = new Random(7);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        String hugeHeader = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"ES256\",\"x\":\"" + "A".repeat(300_000) + "\"}").getBytes());
        return Stream.of(new byte[0], noise, bytes("\n"), bytes("..\n"), bytes("...\n"), bytes("a.b.c\n"),
                bytes("e30.e30.e30\n"), bytes("eyJhbGciOiJub25lIn0.e30.\n"), bytes(hugeHeader + ".e30.AAAA\n"),
                bytes("no line feed at all"), bytes("\u00e9\u00e9.\u00e9.\u00e9\npayload"));
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void hostileInputIsMalformedNeverAnUncheckedException(byte[] wire) {
        assertThat(catchThrowableOfType(() -> verifier.verify(wire), Rejection.class).code())
                .isEqualTo(Rejection.Code.MALFORMED);
    }

    @Test
    void hugeTokenIsMalformedWithoutBeingParsed() {
        SignedEnvelope huge = new SignedEnvelope("e".repeat(EnvelopeVerifier.MAX_TOKEN_CHARS + 1) + ".e30.AAAA",
                new byte[0]);

        assertThat(rejection(huge)).isEqualTo(Rejection.Code.MALFORMED);
    }

    @Test
    void chainEntryThatIsNotACertificateIsMalformed() {
        SignedEnvelope signed = POST.signer().sign(crossing());
        String[] parts = signed.token().split("\\.");
        String header = "{\"alg\":\"ES256\",\"typ\":\"ibex-envelope+jws\",\"x5c\":[\"AAAA\"]}";
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(header)) + "."
                + parts[1] + "." + parts[2];

        assertThat(rejection(new SignedEnvelope(token, signed.payload()))).isEqualTo(Rejection.Code.MALFORMED);
    }

    @Test
    void headersThatAreSignedButInvalidAreMalformed() {
        List<String> headers = List.of("[]", "{}", "{\"v\":1}", "{\"v\":2,\"id\":\"x\"}", "{\"v\":1,\"v\":1}",
                new String(EnvelopeJson.write(crossing(), false), StandardCharsets.UTF_8).replace("{\"v\":1,",
                        "{\"v\":1,\"extra\":true,"));

        for (String header : headers) {
            SignedEnvelope signed = Forgery.sign(header.getBytes(StandardCharsets.UTF_8), new byte[2],
                    POST.keys().getPrivate(), POST.chain());
            assertThat(rejection(signed)).as(header).isEqualTo(Rejection.Code.MALFORMED);
        }
    }

    @Test
    void randomCorruptionOfAGoodEnvelopeEndsAsARejectionNeverAnUncheckedException() {
        byte[] good = POST.signer().sign(crossing()).toWire();
        Random random = new Random(11);
        int rejected = 0;
        for (int i = 0; i < 300; i++) {
            byte[] corrupt = good.clone();
            corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            try {
                verifier.verify(corrupt);
            } catch (Rejection expected) {
                rejected++;
            }
        }
        assertThat(rejected).as("a byte can be replaced by itself or land in unused base64 bits, rarely")
                .isGreaterThan(280);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
