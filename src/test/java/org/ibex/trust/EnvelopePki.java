package org.ibex.trust;

import org.ibex.node.Node;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A real, small federation PKI for tests: one root CA issuing P-256 node certificates. */
final class EnvelopePki {
    /** The instant tests verify at; certificates are valid around it. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(1000);
    private final KeyPair rootKeys;
    private final X509Certificate root;

    /** A node: its address, key pair and certificate chain (leaf, root). */
    record Node(NodeIdentity address, KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {
        EnvelopeSigner signer() {
            return new EnvelopeSigner(keys.getPrivate(), chain);
        }

        BigInteger serial() {
            return certificate.getSerialNumber();
        }

        @Override
        public String toString() {
            return "Node[" + address + "]";
        }
    }

    private EnvelopePki(String rootName) {
        this.rootKeys = newKeyPair();
        X500Name name = new X500Name("CN=" + rootName + ",O=IBEX test federation");
        this.root = build(new JcaX509v3CertificateBuilder(name, serial(), Date.from(NOW.minus(Duration.ofDays(365))),
                Date.from(NOW.plus(Duration.ofDays(3650))), name, rootKeys.getPublic()), true, null);
    }

    static EnvelopePki create(String rootName) {
        return new EnvelopePki(rootName);
    }

    X509Certificate root() {
        return root;
    }

    /** A node certificate naming {@code address} in SAN URI {@code urn:ibex:node:<address>}, valid around NOW. */
    Node node(String address) {
        return node(address, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)));
    }

    Node node(String address, Instant notBefore, Instant notAfter) {
        return issue(address, "CN=node " + RANDOM.nextInt(1000) + ",O=IBEX test node",
                new GeneralName(GeneralName.uniformResourceIdentifier, NodeIdentity.URI_PREFIX + address),
                notBefore, notAfter);
    }

    /** A node certificate that names the node only in its subject CN, without a SAN. */
    Node nodeNamedByCommonName(String address) {
        return issue(address, "CN=" + address + ",O=IBEX test node", null, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)));
    }

    private Node issue(String address, String subject, GeneralName san, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name(subject), keys.getPublic());
        X509Certificate certificate = build(builder, false, san);
        return new Node(NodeIdentity.parse(address), keys, certificate, List.of(certificate, root));
    }

    private X509Certificate build(X509v3CertificateBuilder builder, boolean authority, GeneralName san) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            if (san != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate cannot be made", e);
        }
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("P-256 is in every Java runtime", e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
