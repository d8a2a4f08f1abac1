package org.ibex.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decides whether a sender's {@code x5c} chain is trusted, in three separate steps so each failure has its own
 * code: path to an anchor (PKIX), then revocation, then validity at verification time.
 */
final class CertificateChainCheck {
    private static final int MAX_REMEMBERED_PATHS = 10_000;
    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCertificates;
    private final Predicate<BigInteger> revoked;
    /**
     * Paths that led to an anchor. PKIX path building costs more than the signature check, and a verifier sees the
     * same few senders all day; revocation and dates are checked on every call, since those change.
     */
    private final Set<List<X509Certificate>> validatedPaths = ConcurrentHashMap.newKeySet();

    CertificateChainCheck(Set<X509Certificate> anchorCertificates, Predicate<BigInteger> revoked) {
        if (anchorCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor certificate is required");
        }
        this.anchorCertificates = Set.copyOf(anchorCertificates);
        Set<TrustAnchor> trust = new HashSet<>();
        anchorCertificates.forEach(c -> trust.add(new TrustAnchor(c, null)));
        this.anchors = Set.copyOf(trust);
        this.revoked = revoked;
    }

    void check(List<X509Certificate> chain, Instant now) throws Rejection {
        List<X509Certificate> path = new ArrayList<>(chain);
        path.removeIf(anchorCertificates::contains);
        if (path.isEmpty() || path.get(0) != chain.get(0)) {
            throw new Rejection(Rejection.Code.UNTRUSTED_CHAIN, "x5c leaf certificate is itself a trust anchor;"
                    + " a node must sign with a certificate issued under an anchor");
        }
        if (!validatedPaths.contains(path)) {
            validatePath(path, clamp(now, path.get(0)));
            if (validatedPaths.size() >= MAX_REMEMBERED_PATHS) {
                validatedPaths.clear();
            }
            validatedPaths.add(List.copyOf(path));
        }
        for (X509Certificate certificate : path) {
            // The federation has one issuer per anchor, so a serial identifies a certificate within it.
            if (revoked.test(certificate.getSerialNumber())) {
                throw new Rejection(Rejection.Code.REVOKED_CERTIFICATE, "x5c certificate serial "
                        + certificate.getSerialNumber().toString(16) + " (" + certificate.getSubjectX500Principal()
                        + ") is revoked");
            }
        }
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(Date.from(now));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new Rejection(Rejection.Code.EXPIRED_CERTIFICATE, "x5c certificate "
                        + certificate.getSubjectX500Principal() + " is valid from " + certificate.getNotBefore().toInstant()
                        + " to " + certificate.getNotAfter().toInstant() + ", not at verification time " + now);
            }
        }
    }

    /**
     * PKIX would report an out-of-date leaf as a path failure; validating at the nearest instant inside the leaf's
     * validity keeps "untrusted" and "expired" apart, and the date is checked on its own afterwards.
     */
    private static Instant clamp(Instant now, X509Certificate leaf) {
        Instant from = leaf.getNotBefore().toInstant();
        Instant to = leaf.getNotAfter().toInstant();
        return now.isBefore(from) ? from : now.isAfter(to) ? to : now;
    }

    private void validatePath(List<X509Certificate> path, Instant at) throws Rejection {
        try {
            Chains.validatePath(path, anchors, at);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Rejection(Rejection.Code.UNTRUSTED_CHAIN, "x5c chain of " + path.get(0).getSubjectX500Principal()
                    + " does not lead to a trust anchor: " + e.getMessage());
        }
    }
}
