package org.ibex.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** PKIX validation of a chain to the federation anchor at a given instant. */
final class Chains {
    private Chains() {
    }

    /** Validates the chain (leaf first); the anchor itself may be included or left out. */
    static void validate(List<X509Certificate> chain, X509Certificate anchor, Instant at) throws GeneralSecurityException {
        List<X509Certificate> path = chain.stream().filter(c -> !c.equals(anchor)).toList();
        if (path.isEmpty()) {
            anchor.checkValidity(Date.from(at));
            return;
        }
        validatePath(path, Set.of(new TrustAnchor(anchor, null)), at);
    }

    /** PKIX from the path (leaf first, anchors left out) to one of the anchors, at the given instant. */
    static void validatePath(List<X509Certificate> path, Set<TrustAnchor> anchors, Instant at)
            throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        // Revocation is checked against the signed directory, not CRL distribution points nobody publishes.
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }
}
