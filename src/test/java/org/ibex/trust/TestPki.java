package org.ibex.trust;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A small federation made by the code under test: a root, the UTO state CA and helpers to issue and sign. */
final class TestPki {
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery");
    static final URI ENDPOINT = URI.create("https://127.0.0.1:9443");

    final Clock clock;
    final CertificateAuthority root;
    final CertificateAuthority state;

    TestPki(String rootName, Clock clock) throws Exception {
        this.clock = clock;
        root = CertificateAuthority.createRoot(rootName, clock, new SecureRandom());
        state = root.createState("UTO");
    }

    TestPki(String rootName) throws Exception {
        this(rootName, CLOCK);
    }

    TestPki() throws Exception {
        this("Federation root");
    }

    NodeCredentials node(String id) throws Exception {
        return state.issue(NodeIdentity.parse(id), ENDPOINT, Duration.ofDays(365));
    }

    FederationDirectory directory(long sequence, List<Revocation> revocations, NodeCredentials... nodes) {
        Instant now = clock.instant();
        return new FederationDirectory(sequence, "UTO state CA", now, now.plus(Duration.ofHours(24)),
                java.util.Arrays.stream(nodes).map(n -> DirectoryEntry.of(n.node(), n.endpoint(), n.certificate()))
                        .toList(), revocations);
    }

    Federation federation(List<Revocation> revocations, Clock clock) throws Exception {
        return Federation.join(directory(1, revocations).signedBy(state), root.certificate(), clock);
    }

    static Revocation revoked(NodeCredentials node, RevocationReason reason) {
        return new Revocation(node.certificate().getSerialNumber(), reason, NOW);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
