package org.ibex.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/** Builds and encodes the federation's X.509 certificates: P-256 keys, SHA256withECDSA. */
final class Certificates {
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    private Certificates() {
    }

    static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /** Serials are 128 random bits (positive), so they cannot be predicted or collide in practice. */
    static BigInteger randomSerial(SecureRandom random) {
        return new BigInteger(128, random).setBit(0);
    }

    /** A CA certificate; {@code pathLength} null means unlimited (the root). */
    static X509Certificate ca(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
                              PublicKey issuerPublic, Integer pathLength, Instant from, Instant until,
                              SecureRandom random) throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = builder(subject, key, issuer, issuerPublic, from, until, random);
            builder.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return sign(builder, issuerKey);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build CA certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate node(NodeIdentity node, URI endpoint, PublicKey key, X509Certificate issuer,
                                PrivateKey issuerKey, Instant from, Instant until, SecureRandom random)
            throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + node), key,
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), issuer.getPublicKey(),
                    from, until, random);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.uniformResourceIdentifier, node.uri()), hostName(endpoint)}));
            return sign(builder, issuerKey);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build node certificate: " + e.getMessage(), e);
        }
    }

    /** The endpoint host as a SAN: an IP address entry for literals, else a DNS name, as TLS clients match them. */
    static GeneralName hostName(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' has no host; use https://HOST:PORT");
        }
        if (IP_LITERAL.matcher(host).matches()) {
            try {
                String literal = host.replace("[", "").replace("]", "");
                return new GeneralName(GeneralName.iPAddress, InetAddress.getByName(literal).getHostAddress());
            } catch (IOException e) {
                throw new IllegalArgumentException("endpoint host '" + host + "' is not a valid IP address");
            }
        }
        return new GeneralName(GeneralName.dNSName, host);
    }

    static String pem(List<X509Certificate> chain) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM to memory", e);
        }
        return text.toString();
    }

    static List<X509Certificate> parsePem(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (var certificate : factory.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) certificate);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in PEM text");
        }
        return chain;
    }

    static X509Certificate parseDer(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static X509v3CertificateBuilder builder(X500Name subject, PublicKey key, X500Name issuer,
                                                    PublicKey issuerPublic, Instant from, Instant until,
                                                    SecureRandom random) throws GeneralSecurityException, IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, randomSerial(random),
                Date.from(from), Date.from(until), subject, key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuerPublic));
        return builder;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate: " + e.getMessage(), e);
        }
    }
}
