package org.ibex.trust;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks an incoming envelope before any handler sees it, in a fixed order, each failure a {@link Rejection}:
 * well-formed, signature, chain to an anchor, revocation, certificate dates, sender, recipient, expiry, creation
 * window, replay. Replay comes last so that only authentic envelopes take room in the guard.
 */
public final class EnvelopeVerifier {
    /** Largest envelope accepted on the wire, token and payload together. */
    public static final int MAX_WIRE_BYTES = 64 * 1024 * 1024;
    /** Largest token: header JSON plus a certificate chain fits in a fraction of this. */
    static final int MAX_TOKEN_CHARS = 256 * 1024;
    static final int MAX_CHAIN_LENGTH = 5;
    private static final int MAX_parsedCertificates = 10_000;

    private final CertificateChainCheck chainCheck;
    private final NodeIdentity local;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxFutureSkew;
    private final ReplayGuard replayGuard;
    /** Certificates by their base64 form: senders repeat the same x5c on every message. */
    private final Map<String, X509Certificate> parsedCertificates = new ConcurrentHashMap<>();
    /** Verifiers by leaf certificate: converting the key for the faster provider is worth doing once per sender. */
    private final Map<X509Certificate, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    private record Parsed(JWSObject jws, List<X509Certificate> chain, EnvelopeJson.Header header, byte[] payload) {
    }

    /**
     * @param anchors        root certificates of the federation this node trusts
     * @param revoked        whether a certificate serial is revoked (revocation is off inside PKIX; this decides)
     * @param local          this node: envelopes for any other recipient are refused
     * @param maxAge         how far in the past {@code created} may lie, e.g. 5 minutes; the replay guard must
     *                       remember ids at least this long
     * @param maxFutureSkew  how far ahead of our clock {@code created} may lie, e.g. 1 minute
     */
    public EnvelopeVerifier(Set<X509Certificate> anchors, Predicate<BigInteger> revoked, NodeIdentity local,
                            Clock clock, Duration maxAge, Duration maxFutureSkew, ReplayGuard replayGuard) {
        if (maxAge.isNegative() || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxAge and maxFutureSkew must not be negative, got " + maxAge + " and "
                    + maxFutureSkew);
        }
        this.chainCheck = new CertificateChainCheck(anchors, revoked);
        this.local = local;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
        this.replayGuard = replayGuard;
    }

    /** Verifies an envelope framed by {@link SignedEnvelope#toWire()}. */
    public VerifiedEnvelope verify(byte[] wire) throws Rejection {
        if (wire == null || wire.length == 0 || wire.length > MAX_WIRE_BYTES) {
            throw malformed("envelope must be 1 to " + MAX_WIRE_BYTES + " bytes, got "
                    + (wire == null ? "none" : wire.length));
        }
        int end = -1;
        for (int i = 0; i < Math.min(wire.length, MAX_TOKEN_CHARS + 1) && end < 0; i++) {
            end = wire[i] == '\n' ? i : -1;
        }
        if (end <= 0) {
            throw malformed("envelope must start with a token of at most " + MAX_TOKEN_CHARS + " characters and a"
                    + " line feed");
        }
        return verify(new String(wire, 0, end, StandardCharsets.US_ASCII), Arrays.copyOfRange(wire, end + 1,
                wire.length));
    }

    public VerifiedEnvelope verify(SignedEnvelope signed) throws Rejection {
        return verify(signed.token(), signed.payload());
    }

    private VerifiedEnvelope verify(String token, byte[] payload) throws Rejection {
        Instant now = clock.instant();
        Parsed parsed = parse(token, payload);
        checkSignature(parsed);
        chainCheck.check(parsed.chain(), now);
        Envelope envelope = parsed.header().envelope().withPayload(payload);
        checkSender(envelope, parsed.chain().get(0));
        checkRecipient(envelope);
        checkTimes(envelope, now);
        // Keyed by sender too: ids are chosen by senders, and one node must not be able to burn another's ids.
        if (!replayGuard.firstSeen(envelope.sender() + " " + envelope.id(), envelope.created())) {
            throw new Rejection(Rejection.Code.REPLAYED, "id " + envelope.id() + " from " + envelope.sender()
                    + " was already received");
        }
        return new VerifiedEnvelope(envelope, parsed.chain().get(0), parsed.header().encrypted());
    }

    private Parsed parse(String token, byte[] payload) throws Rejection {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw malformed("token must be 1 to " + MAX_TOKEN_CHARS + " characters");
        }
        if (payload.length > MAX_WIRE_BYTES) {
            throw malformed("payload must be at most " + MAX_WIRE_BYTES + " bytes, got " + payload.length);
        }
        try {
            JWSObject jws = JWSObject.parse(token);
            JWSHeader header = jws.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw malformed("token header 'alg' must be ES256, got " + header.getAlgorithm());
            }
            if (!EnvelopeSigner.TOKEN_TYPE.equals(header.getType())) {
                throw malformed("token header 'typ' must be " + EnvelopeSigner.TOKEN_TYPE + ", got " + header.getType());
            }
            List<Base64> x5c = header.getX509CertChain();
            if (x5c == null || x5c.isEmpty() || x5c.size() > MAX_CHAIN_LENGTH) {
                throw malformed("token header 'x5c' must hold 1 to " + MAX_CHAIN_LENGTH + " certificates");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Base64 encoded : x5c) {
                X509Certificate certificate = parsed(encoded);
                if (certificate == null) {
                    throw malformed("token header 'x5c' holds something that is not an X.509 certificate");
                }
                chain.add(certificate);
            }
            EnvelopeJson.Header fields = EnvelopeJson.read(jws.getPayload().toBytes());
            if (fields.payloadLength() != payload.length) {
                throw malformed("header field 'payloadLength' is " + fields.payloadLength() + " but " + payload.length
                        + " payload bytes arrived");
            }
            return new Parsed(jws, List.copyOf(chain), fields, payload);
        } catch (ParseException e) {
            throw malformed("token is not a compact JWS: " + e.getMessage());
        } catch (RuntimeException e) {
            // Hostile input must end as a rejection, whatever corner of a parser it reaches.
            throw malformed("token cannot be read: " + e);
        }
    }

    /** Parsing DER on every message cost more than the cache lookup that replaces it. */
    private X509Certificate parsed(Base64 encoded) {
        String key = encoded.toString();
        X509Certificate known = parsedCertificates.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate certificate = X509CertUtils.parse(encoded.decode());
        if (certificate != null) {
            if (parsedCertificates.size() >= MAX_parsedCertificates) {
                parsedCertificates.clear();
            }
            parsedCertificates.put(key, certificate);
        }
        return certificate;
    }

    private void checkSignature(Parsed parsed) throws Rejection {
        X509Certificate leaf = parsed.chain().get(0);
        if (!NodeCertificates.isP256(leaf.getPublicKey())) {
            throw new Rejection(Rejection.Code.BAD_SIGNATURE, "x5c leaf certificate does not hold a P-256 key");
        }
        try {
            if (!parsed.jws().verify(verifier(leaf))) {
                throw new Rejection(Rejection.Code.BAD_SIGNATURE, "signature does not verify with the x5c leaf key of "
                        + leaf.getSubjectX500Principal());
            }
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            throw new Rejection(Rejection.Code.BAD_SIGNATURE, "signature cannot be checked: " + e.getMessage());
        }
        // Hashed only now, so a forged token costs us one signature check and no pass over a large payload.
        if (!MessageDigest.isEqual(Envelope.sha256(parsed.payload()), parsed.header().payloadSha256())) {
            throw new Rejection(Rejection.Code.BAD_SIGNATURE, "payload does not match the signed 'payloadSha256'");
        }
    }

    private JWSVerifier verifier(X509Certificate leaf) throws GeneralSecurityException {
        JWSVerifier known = verifiers.get(leaf);
        if (known != null) {
            return known;
        }
        JWSVerifier verifier = Es256.verifier((ECPublicKey) leaf.getPublicKey());
        if (verifiers.size() >= MAX_parsedCertificates) {
            verifiers.clear();
        }
        verifiers.put(leaf, verifier);
        return verifier;
    }

    private static void checkSender(Envelope envelope, X509Certificate leaf) throws Rejection {
        NodeIdentity certified = NodeCertificates.nodeOf(leaf).orElse(null);
        if (!envelope.sender().equals(certified)) {
            throw new Rejection(Rejection.Code.SENDER_MISMATCH, "header field 'sender' is " + envelope.sender()
                    + " but the signing certificate names " + (certified == null ? "no node" : certified));
        }
    }

    private void checkRecipient(Envelope envelope) throws Rejection {
        if (!envelope.recipient().equals(local)) {
            throw new Rejection(Rejection.Code.WRONG_RECIPIENT, "header field 'recipient' is " + envelope.recipient()
                    + " but this node is " + local);
        }
    }

    private void checkTimes(Envelope envelope, Instant now) throws Rejection {
        if (!now.isBefore(envelope.expiry())) {
            throw new Rejection(Rejection.Code.EXPIRED, "header field 'expiry' " + envelope.expiry()
                    + " has passed at " + now);
        }
        if (envelope.created().isBefore(now.minus(maxAge)) || envelope.created().isAfter(now.plus(maxFutureSkew))) {
            throw new Rejection(Rejection.Code.OUTSIDE_WINDOW, "header field 'created' " + envelope.created()
                    + " is outside " + maxAge + " before to " + maxFutureSkew + " after " + now);
        }
    }

    private static Rejection malformed(String message) {
        return new Rejection(Rejection.Code.MALFORMED, message);
    }
}
