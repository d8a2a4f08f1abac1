package org.ibex.trust;

import com.nimbusds.jose.jwk.Curve;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads what a node certificate says about its node: the address and the P-256 key. */
final class NodeCertificates {
    private static final int SAN_URI = 6;

    private NodeCertificates() {
    }

    /** The node named by SAN URI {@code urn:ibex:node:<id>}, as the federation PKI issues it; empty if none. */
    static Optional<NodeIdentity> fromSan(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            return names.stream().filter(n -> n.size() == 2 && Integer.valueOf(SAN_URI).equals(n.get(0)))
                    .map(n -> NodeIdentity.fromUri(String.valueOf(n.get(1))))
                    .flatMap(Optional::stream).findFirst();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
    }

    /** The node named by SAN URI, else by the subject CN (certificates from other tooling); empty if neither is one. */
    static Optional<NodeIdentity> nodeOf(X509Certificate certificate) {
        Optional<NodeIdentity> named = fromSan(certificate);
        if (named.isPresent()) {
            return named;
        }
        try {
            RDN[] common = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            return common.length == 1 ? parse(IETFUtils.valueToString(common[0].getFirst().getValue()))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True for an EC key on P-256, the only curve ES256 and our ECDH-ES use. */
    static boolean isP256(PublicKey key) {
        return key instanceof ECPublicKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()));
    }

    private static Optional<NodeIdentity> parse(String value) {
        try {
            return Optional.of(NodeIdentity.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
