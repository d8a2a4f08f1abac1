package org.ibex.trust;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Rough sign and verify rates on this machine, printed, not asserted (no timings in unit tests). Run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.ibex.trust.EnvelopeThroughput}.
 */
final class EnvelopeThroughput {
    private EnvelopeThroughput() {
    }

    public static void main(String[] args) throws Rejection {
        EnvelopePki pki = EnvelopePki.create("IBEX Bench Root");
        EnvelopePki.Node post = pki.node("UTO/IMM/POST-ARL");
        EnvelopePki.Node hq = pki.node("XXB/IMM/HQ");
        Clock clock = Clock.fixed(EnvelopePki.NOW, java.time.ZoneOffset.UTC);
        EnvelopeSigner signer = post.signer();
        EnvelopeSigner sealing = signer.encryptFor(hq.certificate());
        for (int size : new int[]{200, 64 * 1024, 1024 * 1024}) {
            measure("plain  ", size, signer, hq, pki, clock);
            measure("sealed ", size, sealing, hq, pki, clock);
        }
    }

    private static void measure(String label, int size, EnvelopeSigner signer, EnvelopePki.Node hq, EnvelopePki pki,
                                Clock clock) throws Rejection {
        EnvelopeVerifier verifier = new EnvelopeVerifier(Set.of(pki.root()), (BigInteger serial) -> false,
                hq.address(), clock, Duration.ofMinutes(5), Duration.ofMinutes(1),
                new InMemoryReplayGuard(clock, Duration.ofMinutes(5)));
        EnvelopeDecrypter decrypter = new EnvelopeDecrypter(hq.keys().getPrivate());
        byte[] payload = new byte[size];
        int rounds = size > 100_000 ? 100 : 1000;
        for (int warm = 0; warm < 2; warm++) {
            long signNanos = 0;
            long verifyNanos = 0;
            for (int i = 0; i < rounds; i++) {
                Envelope envelope = Envelope.create(signer.node(), hq.address(), "biometric.search", "bench",
                        "application/octet-stream", payload, EnvelopePki.NOW, Duration.ofMinutes(5));
                long start = System.nanoTime();
                SignedEnvelope signed = signer.sign(envelope);
                long signedAt = System.nanoTime();
                decrypter.decrypt(verifier.verify(signed.toWire()));
                verifyNanos += System.nanoTime() - signedAt;
                signNanos += signedAt - start;
            }
            if (warm == 1) {
                System.out.printf("%s payload %8d B: sign %7.0f/s, verify(+decrypt) %7.0f/s, both %7.0f/s%n", label,
                        size, rounds / (signNanos / 1e9), rounds / (verifyNanos / 1e9),
                        rounds / ((signNanos + verifyNanos) / 1e9));
            }
        }
    }
}
