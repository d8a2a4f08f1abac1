package org.ibex.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.ibex.trust.DirectoryException.Code.BAD_SIGNATURE;
import static org.ibex.trust.DirectoryException.Code.MALFORMED;
import static org.ibex.trust.DirectoryException.Code.UNTRUSTED_CHAIN;

/**
 * The directory file: {@code {"directory": {...}, "signature": "HEADER..SIGNATURE"}}. The JWS payload is the
 * canonical form of the directory object, detached so the file stays readable JSON.
 */
final class DirectorySignature {
    private DirectorySignature() {
    }

    static byte[] sign(FederationDirectory directory, CertificateAuthority ca) throws GeneralSecurityException {
        ObjectNode body = body(directory);
        List<Base64> chain = new ArrayList<>();
        for (X509Certificate certificate : ca.chain()) {
            chain.add(Base64.encode(certificate.getEncoded()));
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(chain).build(),
                new Payload(Json.canonical(body)));
        try {
            jws.sign(new ECDSASigner((ECPrivateKey) ca.key()));
        } catch (JOSEException e) {
            throw new GeneralSecurityException("cannot sign directory: " + e.getMessage(), e);
        }
        ObjectNode file = Json.MAPPER.createObjectNode();
        file.set("directory", body);
        file.put("signature", jws.serialize(true));
        return Json.pretty(file).getBytes(StandardCharsets.UTF_8);
    }

    static FederationDirectory verify(byte[] signed, X509Certificate anchor, Clock clock) throws DirectoryException {
        JsonNode file = parse(signed);
        JsonNode body = file.get("directory");
        JWSObject jws = jws(file, body);
        X509Certificate signer = trustedSigner(jws.getHeader(), anchor, clock);
        try {
            if (!jws.verify(new ECDSAVerifier((ECPublicKey) signer.getPublicKey()))) {
                throw new DirectoryException(BAD_SIGNATURE, "the signature does not match the directory content "
                        + "signed by " + signer.getSubjectX500Principal());
            }
        } catch (JOSEException | ClassCastException e) {
            throw new DirectoryException(BAD_SIGNATURE, "cannot check the signature: " + e.getMessage(), e);
        }
        return read(body);
    }

    private static ObjectNode body(FederationDirectory d) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("sequence", d.sequence()).put("issuer", d.issuer())
                .put("issuedAt", d.issuedAt().toString()).put("nextUpdate", d.nextUpdate().toString());
        body.set("nodes", Json.entries(d.nodes()));
        body.set("revocations", Json.revocations(d.revocations()));
        return body;
    }

    private static JsonNode parse(byte[] signed) throws DirectoryException {
        try {
            JsonNode file = Json.MAPPER.readTree(signed);
            if (file == null || !file.isObject()) {
                throw new DirectoryException(MALFORMED, "the directory file is not a JSON object");
            }
            return file;
        } catch (java.io.IOException e) {
            throw new DirectoryException(MALFORMED, "the directory file is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JWSObject jws(JsonNode file, JsonNode body) throws DirectoryException {
        JsonNode signature = file.get("signature");
        if (body == null || !body.isObject() || signature == null || !signature.isTextual()) {
            throw new DirectoryException(MALFORMED, "the directory file needs a 'directory' object and a "
                    + "'signature' string");
        }
        try {
            JWSObject jws = JWSObject.parse(signature.asText(), new Payload(Json.canonical(body)));
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw new DirectoryException(BAD_SIGNATURE, "signature algorithm "
                        + jws.getHeader().getAlgorithm() + " is not the required ES256");
            }
            return jws;
        } catch (ParseException | IllegalArgumentException e) {
            throw new DirectoryException(MALFORMED, "the signature is not a detached JWS: " + e.getMessage(), e);
        }
    }

    private static X509Certificate trustedSigner(JWSHeader header, X509Certificate anchor, Clock clock)
            throws DirectoryException {
        List<Base64> encoded = header.getX509CertChain();
        if (encoded == null || encoded.isEmpty()) {
            throw new DirectoryException(UNTRUSTED_CHAIN, "the signature header has no x5c certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Base64 der : encoded) {
                chain.add(Certificates.parseDer(der.decode()));
            }
        } catch (GeneralSecurityException e) {
            throw new DirectoryException(MALFORMED, "the x5c chain holds an unreadable certificate", e);
        }
        X509Certificate signer = chain.get(0);
        if (signer.getBasicConstraints() < 0) {
            throw new DirectoryException(UNTRUSTED_CHAIN, "the signer " + signer.getSubjectX500Principal()
                    + " is not a CA; only federation CAs sign directories");
        }
        try {
            Chains.validate(chain, anchor, clock.instant());
        } catch (GeneralSecurityException e) {
            throw new DirectoryException(UNTRUSTED_CHAIN, "the signer " + signer.getSubjectX500Principal()
                    + " does not chain to the trust anchor " + anchor.getSubjectX500Principal() + ": "
                    + e.getMessage(), e);
        }
        return signer;
    }

    private static FederationDirectory read(JsonNode body) throws DirectoryException {
        try {
            JsonNode sequence = body.get("sequence");
            if (sequence == null || !sequence.canConvertToLong() || !sequence.isIntegralNumber()) {
                throw new IllegalArgumentException("field 'sequence' is missing or not an integer");
            }
            return new FederationDirectory(sequence.asLong(), Json.text(body, "issuer"),
                    Instant.parse(Json.text(body, "issuedAt")), Instant.parse(Json.text(body, "nextUpdate")),
                    Json.readEntries(body.get("nodes")), Json.readRevocations(body.get("revocations")));
        } catch (RuntimeException e) {
            throw new DirectoryException(MALFORMED, "signed directory content is invalid: " + e.getMessage(), e);
        }
    }
}
