package org.ibex.trust;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.Curve;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;

/**
 * The payload sealed to the recipient: compact JWE, ECDH-ES+A256KW with A256GCM. The envelope id and sender
 * go into the JWE protected header, which GCM authenticates, so a sealed payload cannot be lifted into another
 * envelope or re-signed by another node without the recipient noticing.
 */
final class PayloadCipher {
    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.ECDH_ES_A256KW;
    static final EncryptionMethod METHOD = EncryptionMethod.A256GCM;
    private static final String ENVELOPE_ID = "ibex.id";
    private static final String SENDER = "ibex.sender";

    private PayloadCipher() {
    }

    static byte[] seal(byte[] plaintext, ECPublicKey recipient, Envelope envelope) {
        JWEHeader header = new JWEHeader.Builder(ALGORITHM, METHOD)
                .customParam(ENVELOPE_ID, envelope.id()).customParam(SENDER, envelope.sender().toString()).build();
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        try {
            jwe.encrypt(new ECDHEncrypter(recipient));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt to a P-256 key: " + e.getMessage(), e);
        }
        return jwe.serialize().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] open(byte[] sealed, PrivateKey key, Envelope envelope) throws Rejection {
        try {
            JWEObject jwe = JWEObject.parse(new String(sealed, StandardCharsets.US_ASCII));
            JWEHeader header = jwe.getHeader();
            if (!ALGORITHM.equals(header.getAlgorithm()) || !METHOD.equals(header.getEncryptionMethod())) {
                throw undecryptable("payload must use " + ALGORITHM + " with " + METHOD + ", got "
                        + header.getAlgorithm() + " with " + header.getEncryptionMethod());
            }
            if (header.getCompressionAlgorithm() != null) {
                // A compressed plaintext could inflate far beyond the size limit we checked on the wire.
                throw undecryptable("payload JWE must not be compressed ('zip')");
            }
            if (!envelope.id().equals(header.getCustomParam(ENVELOPE_ID))
                    || !envelope.sender().toString().equals(header.getCustomParam(SENDER))) {
                throw undecryptable("payload was sealed for envelope " + header.getCustomParam(ENVELOPE_ID) + " from "
                        + header.getCustomParam(SENDER) + ", not " + envelope.id() + " from " + envelope.sender());
            }
            // The ECPrivateKey form also checks that the sender's ephemeral key lies on the curve.
            jwe.decrypt(key instanceof ECPrivateKey ec ? new ECDHDecrypter(ec) : new ECDHDecrypter(key, null, Curve.P_256));
            return jwe.getPayload().toBytes();
        } catch (ParseException | RuntimeException e) {
            throw undecryptable("payload is not a compact JWE: " + e.getMessage());
        } catch (JOSEException e) {
            throw undecryptable("payload cannot be decrypted with this node's key: " + e.getMessage());
        }
    }

    private static Rejection undecryptable(String message) {
        return new Rejection(Rejection.Code.UNDECRYPTABLE, message);
    }
}
