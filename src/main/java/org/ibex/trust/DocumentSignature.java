package org.ibex.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A node's signature on a JSON document that parties sign one after another (an agreement): a detached ES256 JWS
 * over the document's canonical form, carrying the node's certificate chain, so anyone holding the federation anchor
 * can tell which node signed and that the text is the one it signed.
 */
public final class DocumentSignature {
    private DocumentSignature() {
    }

    /** Why a signature does not hold: the message names the signer or the rule. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Compact JSON with sorted keys: the bytes every signer and verifier hash, whatever the file's layout. */
    public static byte[] canonical(JsonNode document) {
        return Json.canonical(document);
    }

    /** Signs {@code document} as the node of {@code credentials}; the result is a detached compact JWS. */
    public static String sign(JsonNode document, NodeCredentials credentials) throws GeneralSecurityException {
        List<Base64> chain = new ArrayList<>();
        for (X509Certificate certificate : credentials.chain()) {
            chain.add(Base64.encode(certificate.getEncoded()));
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(chain).build(),
                new Payload(canonical(document)));
        try {
            jws.sign(new ECDSASigner((ECPrivateKey) credentials.key()));
        } catch (JOSEException | ClassCastException e) {
            throw new GeneralSecurityException("cannot sign with the key of " + credentials.node() + ": "
                    + e.getMessage(), e);
        }
        return jws.serialize(true);
    }

    /**
     * The node that signed {@code document} with {@code signature}, after checking the signature over the document's
     * canonical form, the chain to {@code anchor} at {@code at}, and that the signer's certificate is not revoked.
     */
    public static NodeIdentity verify(String signature, JsonNode document, X509Certificate anchor,
                                      Predicate<BigInteger> revoked, Instant at) throws Invalid {
        JWSObject jws;
        try {
            jws = JWSObject.parse(signature, new Payload(canonical(document)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new Invalid("is not a detached JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            throw new Invalid("uses " + jws.getHeader().getAlgorithm() + ", not the required ES256");
        }
        List<Base64> encoded = jws.getHeader().getX509CertChain();
        if (encoded == null || encoded.isEmpty()) {
            throw new Invalid("carries no x5c certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Base64 der : encoded) {
                chain.add(Certificates.parseDer(der.decode()));
            }
        } catch (GeneralSecurityException e) {
            throw new Invalid("carries an unreadable certificate");
        }
        X509Certificate signer = chain.get(0);
        NodeIdentity node = NodeCertificates.fromSan(signer)
                .orElseThrow(() -> new Invalid("was made by " + signer.getSubjectX500Principal()
                        + ", whose certificate names no federation node"));
        try {
            Chains.validate(chain, anchor, at);
        } catch (GeneralSecurityException e) {
            throw new Invalid("by " + node + " does not chain to the federation anchor "
                    + anchor.getSubjectX500Principal() + " at " + at + ": " + e.getMessage());
        }
        if (revoked.test(signer.getSerialNumber())) {
            throw new Invalid("by " + node + " was made with a revoked certificate");
        }
        try {
            if (!jws.verify(new ECDSAVerifier((ECPublicKey) signer.getPublicKey()))) {
                throw new Invalid("by " + node + " does not match the document: it was changed after signing");
            }
        } catch (JOSEException | ClassCastException e) {
            throw new Invalid("by " + node + " cannot be checked: " + e.getMessage());
        }
        return node;
    }

    /** Reads the anchor certificate from PEM text, for a verifier that is not a member (a CLI on any machine). */
    public static X509Certificate anchor(String pem) throws GeneralSecurityException {
        List<X509Certificate> certificates = Certificates.parsePem(pem);
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("the file holds no certificate");
        }
        return certificates.get(0);
    }
}
