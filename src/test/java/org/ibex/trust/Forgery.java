package org.ibex.trust;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Builds tokens the real signer refuses to: any header, any key, any chain, as an attacker would. */
final class Forgery {
    private Forgery() {
    }

    static SignedEnvelope sign(Envelope envelope, boolean encrypted, PrivateKey key, List<X509Certificate> chain) {
        return sign(EnvelopeJson.write(envelope, encrypted), envelope.payload(), key, chain);
    }

    static SignedEnvelope sign(byte[] header, byte[] payload, PrivateKey key, List<X509Certificate> chain) {
        try {
            List<Base64> x5c = new ArrayList<>();
            for (X509Certificate certificate : chain) {
                x5c.add(Base64.encode(certificate.getEncoded()));
            }
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(EnvelopeSigner.TOKEN_TYPE)
                    .x509CertChain(x5c).build(), new Payload(header));
            jws.sign(new ECDSASigner(key, com.nimbusds.jose.jwk.Curve.P_256));
            return new SignedEnvelope(jws.serialize(), payload);
        } catch (Exception e) {
            throw new IllegalStateException("forgery failed", e);
        }
    }

    /** The token with its middle (header JSON) part replaced, signature kept. */
    static SignedEnvelope withHeader(SignedEnvelope signed, byte[] header) {
        String[] parts = signed.token().split("\\.");
        return new SignedEnvelope(parts[0] + "." + base64Url(header) + "." + parts[2], signed.payload());
    }

    private static String base64Url(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
