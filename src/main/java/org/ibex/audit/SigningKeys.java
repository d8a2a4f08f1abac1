package org.ibex.audit;

import java.io.ByteArrayOutputStream;
import org.ibex.store.PrivateFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

/**
 * The node's checkpoint key in {@code keys/audit-signing.p12}, made at first start. Its passphrase comes from
 * {@code IBEX_KEY_PASSPHRASE} when set, else from {@code keys/passphrase}, generated with owner-only access.
 * The public key's name is also written to {@code keys/audit-signer.txt}, so a verifier can pin it without the key.
 */
public final class SigningKeys {
    public static final String KEYSTORE = "audit-signing.p12";
    public static final String PASSPHRASE = "passphrase";
    public static final String SIGNER_NAME = "audit-signer.txt";
    private static final String ALIAS = "audit";

    private SigningKeys() {
    }

    /** Loads the key, creating key and passphrase file on first use; passphrase may be null. */
    public static Signer openOrCreate(Path keys, String passphrase) {
        try {
            PrivateFiles.folder(keys);
            char[] secret = (passphrase != null && !passphrase.isBlank() ? passphrase : filePassphrase(keys)).toCharArray();
            Path store = keys.resolve(KEYSTORE);
            Signer signer = Files.exists(store) ? load(store, secret) : create(store, secret);
            PrivateFiles.write(keys.resolve(SIGNER_NAME), (signer.name() + "\n").getBytes(StandardCharsets.UTF_8));
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the audit signing key in " + keys + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + keys.resolve(KEYSTORE) + " (wrong IBEX_KEY_PASSPHRASE?): "
                    + e.getMessage(), e);
        }
    }

    /** The signer name pinned in the data folder, when a key was made there. */
    public static Set<String> pinned(Path keys) {
        Path file = keys.resolve(SIGNER_NAME);
        try {
            return Files.exists(file) ? Set.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String filePassphrase(Path keys) throws IOException {
        Path file = keys.resolve(PASSPHRASE);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.UTF_8);
        } else if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!PosixFilePermissions.fromString("rw-------").containsAll(permissions)) {
                throw new IOException(file + " must be readable by its owner only (chmod 600), or set IBEX_KEY_PASSPHRASE");
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static Signer load(Path store, char[] secret) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, secret);
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException; it is a key problem, not a disk one.
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        Certificate certificate = keyStore.getCertificate(ALIAS);
        if (certificate == null) {
            throw new GeneralSecurityException("no key named '" + ALIAS + "' in it");
        }
        return Signer.of(new KeyPair(certificate.getPublicKey(), (PrivateKey) keyStore.getKey(ALIAS, secret)));
    }

    private static Signer create(Path store, char[] secret) throws IOException, GeneralSecurityException {
        Signer signer = Signer.generate();
        KeyPair pair = new KeyPair(signer.publicKey(), signer.privateKey());
        // PKCS#12 keeps a private key only with a certificate; a self-signed one carries the public key.
        X500Name subject = new X500Name("CN=IBEX audit checkpoints " + signer.name().replace(':', '-'));
        Instant now = Instant.now();
        try {
            Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    subject, new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(36500))), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, pair.getPrivate(), secret, new Certificate[]{certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, secret);
            PrivateFiles.write(store, out.toByteArray());
            return signer;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot self-sign the key's certificate: " + e.getMessage(), e);
        }
    }
}
