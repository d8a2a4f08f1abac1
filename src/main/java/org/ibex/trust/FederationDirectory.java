package org.ibex.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed list of federation nodes and revoked certificates that every node fetches and trusts. */
public record FederationDirectory(long sequence, String issuer, Instant issuedAt, Instant nextUpdate,
                                  List<DirectoryEntry> nodes, List<Revocation> revocations) {
    public FederationDirectory {
        if (sequence < 1) {
            throw new IllegalArgumentException("directory sequence must be at least 1, was " + sequence);
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        if (!nextUpdate.isAfter(issuedAt)) {
            throw new IllegalArgumentException("directory next-update " + nextUpdate + " must follow issued-at "
                    + issuedAt);
        }
        nodes = List.copyOf(nodes);
        revocations = List.copyOf(revocations);
    }

    /** Signs this directory with the CA's key as JSON with a detached ES256 JWS carrying the CA chain in x5c. */
    public byte[] signedBy(CertificateAuthority ca) throws GeneralSecurityException {
        return DirectorySignature.sign(this, ca);
    }

    /** Checks signature, chain to the anchor and freshness; accepts any sequence (first fetch). */
    public static FederationDirectory verify(byte[] signed, X509Certificate anchor, Clock clock)
            throws DirectoryException {
        return verify(signed, anchor, clock, 0);
    }

    /** As {@link #verify(byte[], X509Certificate, Clock)}, and refuses a sequence older than the one accepted. */
    public static FederationDirectory verify(byte[] signed, X509Certificate anchor, Clock clock, long acceptedSequence)
            throws DirectoryException {
        FederationDirectory directory = DirectorySignature.verify(signed, anchor, clock);
        if (!clock.instant().isBefore(directory.nextUpdate())) {
            throw new DirectoryException(DirectoryException.Code.EXPIRED, "directory " + directory.sequence()
                    + " was due for update at " + directory.nextUpdate() + "; it is now " + clock.instant());
        }
        if (directory.sequence() < acceptedSequence) {
            throw new DirectoryException(DirectoryException.Code.ROLLBACK, "directory sequence "
                    + directory.sequence() + " is older than the accepted sequence " + acceptedSequence);
        }
        return directory;
    }

    public Set<BigInteger> revokedSerials() {
        return revocations.stream().map(Revocation::serial).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<DirectoryEntry> node(NodeIdentity id) {
        return nodes.stream().filter(n -> n.node().equals(id)).findFirst();
    }
}
