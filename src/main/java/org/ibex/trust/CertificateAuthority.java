package org.ibex.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A federation CA (the root or a state CA): its key and chain, and the certificates it issues. */
public final class CertificateAuthority {
    static final Duration ROOT_VALIDITY = Duration.ofDays(3653);
    static final Duration STATE_VALIDITY = Duration.ofDays(1827);
    // Clocks of peers drift; certificates start a little in the past so a fresh one is accepted at once.
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Clock clock;
    private final SecureRandom random;

    CertificateAuthority(PrivateKey key, List<X509Certificate> chain, Clock clock, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        this.clock = clock;
        this.random = random;
        if (this.chain.isEmpty() || this.chain.get(0).getBasicConstraints() < 0) {
            throw new IllegalArgumentException("a CA needs its own CA certificate first in its chain");
        }
    }

    /** A new self-signed federation root, valid 10 years, with no path length limit. */
    public static CertificateAuthority createRoot(String name, Clock clock, SecureRandom random)
            throws GeneralSecurityException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("root name is empty: give a name such as \"Federation root\"");
        }
        KeyPair pair = Certificates.newKeyPair(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.O, "IBEX federation").build();
        Instant now = clock.instant();
        X509Certificate certificate = Certificates.ca(subject, pair.getPublic(), subject, pair.getPrivate(),
                pair.getPublic(), null, now.minus(BACKDATE), now.plus(ROOT_VALIDITY), random);
        return new CertificateAuthority(pair.getPrivate(), List.of(certificate), clock, random);
    }

    /** A state CA under this one; path length 0, so it issues node certificates but no further CAs. */
    public CertificateAuthority createState(String state) throws GeneralSecurityException {
        NodeIdentity.parse(state + "/CA/CA"); // validates the state code with the node-id rules
        KeyPair pair = Certificates.newKeyPair(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, state + " state CA")
                .addRDN(BCStyle.O, "IBEX federation").addRDN(BCStyle.OU, state).build();
        Instant now = clock.instant();
        X509Certificate certificate = Certificates.ca(subject, pair.getPublic(),
                X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()), key,
                certificate().getPublicKey(), 0, now.minus(BACKDATE), capped(now.plus(STATE_VALIDITY)), random);
        List<X509Certificate> newChain = new ArrayList<>();
        newChain.add(certificate);
        newChain.addAll(chain);
        return new CertificateAuthority(pair.getPrivate(), newChain, clock, random);
    }

    /** A node certificate with a fresh key, for mutual TLS; validity is capped at this CA's own not-after. */
    public NodeCredentials issue(NodeIdentity node, URI endpoint, Duration validity) throws GeneralSecurityException {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, was " + validity);
        }
        state().filter(own -> !own.equals(node.state())).ifPresent(own -> {
            throw new IllegalArgumentException("the " + own + " state CA issues only " + own + "/... nodes, not "
                    + node + "; use that state's CA");
        });
        KeyPair pair = Certificates.newKeyPair(random);
        Instant now = clock.instant();
        X509Certificate certificate = Certificates.node(node, endpoint, pair.getPublic(), certificate(), key,
                now.minus(BACKDATE), capped(now.plus(validity)), random);
        List<X509Certificate> nodeChain = new ArrayList<>();
        nodeChain.add(certificate);
        nodeChain.addAll(chain);
        return new NodeCredentials(node, endpoint, pair.getPrivate(), nodeChain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** This CA's certificate first, the root last. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    /** The state a state CA serves (its OU), empty for the root, which may issue for any state. */
    public Optional<String> state() {
        X500Name subject = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
        return Arrays.stream(subject.getRDNs(BCStyle.OU)).findFirst()
                .map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()));
    }

    PrivateKey key() {
        return key;
    }

    Clock clock() {
        return clock;
    }

    private Instant capped(Instant until) {
        Instant caEnd = certificate().getNotAfter().toInstant();
        return until.isAfter(caEnd) ? caEnd : until;
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate().getSubjectX500Principal() + "]";
    }
}
