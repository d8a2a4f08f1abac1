package org.ibex.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs envelopes as this node: a compact JWS, ES256, with the node's certificate chain in {@code x5c}.
 *
 * <p>The JWS covers the header and the payload's SHA-256, not the payload itself: biometric payloads run to
 * megabytes, and base64url inside JSON inside base64url would nearly double them and force several full copies.
 * The digest keeps the token small, lets a receiver reject a forged token before hashing the payload, and is what
 * receipts name.
 *
 * <p>Encryption ({@link #encryptFor}) is encrypt-then-sign: the signature covers the ciphertext digest, so any
 * relay or gateway can authenticate sender, recipient, expiry and replay without the decryption key, and nothing
 * unauthenticated ever reaches the decryptor. The plain signing weakness of that order (a third node re-signing
 * a ciphertext it cannot read) is closed by binding envelope id and sender into the JWE's authenticated header.
 */
public final class EnvelopeSigner {
    static final JOSEObjectType TOKEN_TYPE = new JOSEObjectType("ibex-envelope+jws");
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    /**
     * The same for every envelope: built once and kept in its encoded form, because encoding it, certificate chain
     * and all, each time cost a sixth of signing.
     */
    private final JWSHeader header;
    private final NodeIdentity node;
    private final X509Certificate encryptTo;
    private final JWSSigner jwsSigner;

    /**
     * A signer for the node named by the first certificate of {@code chain} (leaf first, root optional), whose
     * P-256 private key is {@code key}. Checks once that the key matches the certificate.
     */
    public EnvelopeSigner(PrivateKey key, List<X509Certificate> chain) {
        this(key, List.copyOf(chain), null);
        JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("probe"));
        try {
            probe.sign(jwsSigner);
            if (!probe.verify(new ECDSAVerifier((ECPublicKey) chain.get(0).getPublicKey()))) {
                throw new IllegalArgumentException("private key does not match the certificate of " + node);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("key must be a P-256 EC private key usable for ES256: "
                    + e.getMessage(), e);
        }
    }

    private EnvelopeSigner(PrivateKey key, List<X509Certificate> chain, X509Certificate encryptTo) {
        if (key == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a private key and at least the node's own certificate are required");
        }
        if (!NodeCertificates.isP256(chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("node certificate must hold a P-256 EC key for ES256");
        }
        this.key = key;
        this.chain = chain;
        this.node = NodeCertificates.nodeOf(chain.get(0)).orElseThrow(() -> new IllegalArgumentException(
                "node certificate must name the node in SAN URI " + NodeIdentity.URI_PREFIX
                        + "STATE/AGENCY/UNIT or in its CN, subject is " + chain.get(0).getSubjectX500Principal()));
        this.header = header(encode(chain));
        this.encryptTo = encryptTo;
        try {
            this.jwsSigner = Es256.signer(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key must be a P-256 EC private key usable for ES256: "
                    + e.getMessage(), e);
        }
    }

    /** This node, as its certificate names it; every envelope it signs must carry it as sender. */
    public NodeIdentity node() {
        return node;
    }

    /** A signer that also seals payloads to the node of {@code recipient}, whose certificate holds a P-256 key. */
    public EnvelopeSigner encryptFor(X509Certificate recipient) {
        if (!NodeCertificates.isP256(recipient.getPublicKey())) {
            throw new IllegalArgumentException("recipient certificate must hold a P-256 EC key for ECDH-ES");
        }
        NodeCertificates.nodeOf(recipient).orElseThrow(() -> new IllegalArgumentException(
                "recipient certificate names no node, subject is " + recipient.getSubjectX500Principal()));
        return new EnvelopeSigner(key, chain, recipient);
    }

    public SignedEnvelope sign(Envelope envelope) {
        if (!envelope.sender().equals(node)) {
            throw new IllegalArgumentException("envelope sender " + envelope.sender() + " is not this node " + node
                    + "; sign with that node's signer");
        }
        byte[] travelling = envelope.payload();
        if (encryptTo != null) {
            NodeIdentity sealedTo = NodeCertificates.nodeOf(encryptTo).orElseThrow();
            if (!sealedTo.equals(envelope.recipient())) {
                throw new IllegalArgumentException("payload would be encrypted to " + sealedTo + " but the envelope is"
                        + " for " + envelope.recipient() + "; use encryptFor with the recipient's certificate");
            }
            travelling = PayloadCipher.seal(travelling, (ECPublicKey) encryptTo.getPublicKey(), envelope);
        }
        byte[] fields = EnvelopeJson.write(envelope.withPayload(travelling), encryptTo != null);
        JWSObject jws = new JWSObject(header, new Payload(fields));
        try {
            jws.sign(jwsSigner);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed with a key checked at construction: " + e.getMessage(), e);
        }
        return new SignedEnvelope(jws.serialize(), travelling);
    }

    /** A header that keeps the base64url form it was parsed from, so each token reuses it as it is. */
    private static JWSHeader header(List<Base64> x5c) {
        JWSHeader built = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TOKEN_TYPE).x509CertChain(x5c).build();
        try {
            return JWSHeader.parse(built.toBase64URL());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a header just built always parses: " + e.getMessage(), e);
        }
    }

    private static List<Base64> encode(List<X509Certificate> chain) {
        List<Base64> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(Base64.encode(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        return List.copyOf(encoded);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "EnvelopeSigner[node=" + node + ", chain=" + chain.size() + " certificates"
                + (encryptTo == null ? "" : ", encrypting to " + NodeCertificates.nodeOf(encryptTo).orElseThrow())
                + "]";
    }
}
