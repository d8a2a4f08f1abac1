package org.ibex.confirmation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.inquiry.InquiryJson;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A deletion receipt with the responder's detached ES256 signature (certificate chain inside): anyone holding the
 * federation's anchor certificate verifies it offline, years later, with {@code ibex receipt verify}.
 */
public record SignedReceipt(DeletionReceipt receipt, String signature) {
    /** Signs {@code receipt} as the node of {@code credentials}. */
    public static SignedReceipt sign(DeletionReceipt receipt, NodeCredentials credentials)
            throws GeneralSecurityException {
        return new SignedReceipt(receipt, DocumentSignature.sign(receipt.toJson(), credentials));
    }

    /**
     * Checks the signature over the receipt, the chain to {@code anchor} at {@code at} and revocation, and that the
     * signer is the responder the receipt names; returns the signer.
     */
    public NodeIdentity verify(X509Certificate anchor, Predicate<BigInteger> revoked, Instant at)
            throws DocumentSignature.Invalid {
        if (receipt == null || signature == null || signature.isBlank()) {
            throw new DocumentSignature.Invalid("the receipt or its signature is missing");
        }
        NodeIdentity signer = DocumentSignature.verify(signature, receipt.toJson(), anchor, revoked, at);
        if (!signer.toString().equals(receipt.responder())) {
            throw new DocumentSignature.Invalid("is signed by " + signer + ", not by the responder "
                    + receipt.responder() + " the receipt names");
        }
        return signer;
    }

    /** The file form: the receipt and its signature in one JSON document. */
    public byte[] toFile() {
        ObjectNode file = (ObjectNode) InquiryJson.tree(InquiryJson.write(this));
        return (file.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the file form; anything else is an IllegalArgumentException naming what is wrong. */
    public static SignedReceipt read(byte[] file) {
        SignedReceipt read = InquiryJson.read(file, SignedReceipt.class);
        if (read.receipt() == null || read.signature() == null) {
            throw new IllegalArgumentException("a receipt file holds receipt and signature");
        }
        return read;
    }

    static SignedReceipt ofStored(String stored) {
        return stored == null ? null : read(stored.getBytes(StandardCharsets.UTF_8));
    }

    String toStored() {
        return new String(InquiryJson.write(this), StandardCharsets.UTF_8);
    }

    static JsonNode tree(SignedReceipt receipt) {
        return InquiryJson.tree(InquiryJson.write(receipt));
    }
}
