package org.ibex.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.ibex.agreement.AgreementException.Kind.INVALID;
import static org.ibex.agreement.AgreementException.Kind.UNUSABLE;

/**
 * The agreement file ({@code {"agreement": {...}, "signatures": [...]}}, schema {@code agreement.schema.json} in the
 * jar): read with every rule checked, written, signed by one party at a time, and verified against the federation
 * anchor. Reading and verifying are apart, so a draft reads before anyone has signed it.
 */
public final class AgreementFile {
    /** Bounded before it is parsed: real agreements are a few kilobytes. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private AgreementFile() {
    }

    /** Reads a file's bytes; an agreement that breaks a rule is INVALID naming the field, unreadable bytes UNUSABLE. */
    public static SignedAgreement read(byte[] bytes) throws AgreementException {
        if (bytes == null || bytes.length == 0) {
            throw new AgreementException(UNUSABLE, "", "the agreement file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new AgreementException(UNUSABLE, "", "the agreement file has " + bytes.length + " bytes; at most "
                    + MAX_BYTES + " are read");
        }
        JsonNode file;
        try {
            file = JSON.readTree(bytes);
        } catch (IOException e) {
            Optional<String> repeated = duplicate(e);
            if (repeated.isPresent()) {
                // Two values for one key would let a signer and a verifier read different agreements.
                throw new AgreementException(INVALID, repeated.get(), repeated.get() + " is given twice; each"
                        + " field may appear once");
            }
            throw new AgreementException(UNUSABLE, "", "the agreement file is not JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (file == null || !file.isObject()) {
            throw new AgreementException(UNUSABLE, "", "the agreement file must be a JSON object");
        }
        AgreementReader.onlyFields(file, "", "agreement", "signatures");
        JsonNode body = file.get("agreement");
        if (body == null || !body.isObject()) {
            throw new AgreementException(INVALID, "agreement", "agreement must be an object: the agreement the"
                    + " parties sign");
        }
        Agreement agreement = AgreementReader.read(body, digest(body));
        return new SignedAgreement(agreement, body, AgreementReader.signatures(file.get("signatures"), agreement));
    }

    /** The file, pretty-printed, with the signatures in the order they were made. */
    public static byte[] write(SignedAgreement signed) {
        ObjectNode file = JSON.createObjectNode();
        file.set("agreement", signed.body());
        ArrayNode signatures = file.putArray("signatures");
        for (SignedAgreement.PartySignature signature : signed.signatures()) {
            signatures.addObject().put("party", signature.party().toString()).put("signature", signature.jws());
        }
        return write(file);
    }

    static byte[] write(ObjectNode file) {
        try {
            return JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(file)
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON always writes", e);
        }
    }

    /** Adds (or replaces) the signature of the party {@code credentials}' node belongs to. */
    public static SignedAgreement sign(SignedAgreement draft, NodeCredentials credentials)
            throws AgreementException, GeneralSecurityException {
        NodeIdentity node = credentials.node();
        Party party = draft.agreement().parties().stream().filter(p -> p.covers(node)).findFirst()
                .orElseThrow(() -> new AgreementException(INVALID, "agreement.parties", "node " + node
                        + " belongs to none of the parties " + draft.agreement().parties()));
        List<SignedAgreement.PartySignature> signatures = new ArrayList<>(draft.signatures());
        signatures.removeIf(s -> s.party().equals(party));
        signatures.add(new SignedAgreement.PartySignature(party, DocumentSignature.sign(draft.body(), credentials)));
        return new SignedAgreement(draft.agreement(), draft.body(), signatures);
    }

    /**
     * Checks that every party signed, each with a node of its own whose certificate chains to {@code anchor} and is
     * not revoked, over exactly this text. The message names the signature ({@code signatures[1]}) or the party.
     * Answers which node signed for each party, in the file's order.
     */
    public static List<Signer> verify(SignedAgreement signed, X509Certificate anchor, Predicate<BigInteger> revoked,
                                      Instant at) throws AgreementException {
        List<SignedAgreement.PartySignature> signatures = signed.signatures();
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            SignedAgreement.PartySignature signature = signatures.get(i);
            String field = "signatures[" + i + "]";
            NodeIdentity signer;
            try {
                signer = DocumentSignature.verify(signature.jws(), signed.body(), anchor, revoked, at);
            } catch (DocumentSignature.Invalid e) {
                throw new AgreementException(INVALID, field, "the signature of " + signature.party() + " "
                        + e.getMessage());
            }
            if (!signature.party().covers(signer)) {
                throw new AgreementException(INVALID, field, "the signature for " + signature.party()
                        + " was made by " + signer + ", a node of another party");
            }
            signers.add(new Signer(signature.party(), signer));
        }
        for (Party party : signed.agreement().parties()) {
            if (signatures.stream().noneMatch(s -> s.party().equals(party))) {
                throw new AgreementException(INVALID, "signatures", "party " + party + " has not signed");
            }
        }
        return List.copyOf(signers);
    }

    /** The path of a key that appears twice in one object ({@code agreement.rules[0].quota.perDay}). */
    private static Optional<String> duplicate(IOException e) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null
                || read.getOriginalMessage() == null || !read.getOriginalMessage().startsWith("Duplicate field")) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (String part : read.getProcessor().getParsingContext().pathAsPointer().toString().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(part.chars().allMatch(Character::isDigit) ? "[" + part + "]"
                    : (path.isEmpty() ? "" : ".") + part.replace("~1", "/").replace("~0", "~"));
        }
        return Optional.of(path.toString());
    }

    /** SHA-256 (hex) of the agreement's canonical form: what both ends compare. */
    static String digest(JsonNode body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(DocumentSignature.canonical(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (IllegalArgumentException e) {
            return "unreadable";
        }
    }
}
