package org.ibex.trust;

import java.security.cert.X509Certificate;

/**
 * An envelope that passed every check, with the certificate that vouches for its sender. When {@code encrypted},
 * the payload is still the sealed JWE; {@link EnvelopeDecrypter} opens it.
 */
public record VerifiedEnvelope(Envelope envelope, X509Certificate senderCertificate, boolean encrypted) {
    /** The sender, proven by signature and certificate. */
    public NodeIdentity sender() {
        return envelope.sender();
    }

    @Override
    public String toString() {
        return "VerifiedEnvelope[" + envelope + ", certificate serial " + senderCertificate.getSerialNumber().toString(16)
                + ", encrypted=" + encrypted + "]";
    }
}
