package org.ibex.trust;

import java.io.ByteArrayOutputStream;
import org.ibex.store.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CA's folder: {@code ca.p12} (key, encrypted), {@code ca.pem} (public chain), {@code revocations.json},
 * {@code issued.json} (the register of node certificates) and {@code directory-sequence}.
 */
public record CaFolder(Path path) {
    static final String KEY_STORE = "ca.p12";
    static final String ALIAS = "ca";
    static final String CHAIN = "ca.pem";
    static final String REVOCATIONS = "revocations.json";
    static final String ISSUED = "issued.json";
    static final String SEQUENCE = "directory-sequence";

    /** Writes a new CA; refuses to overwrite one, because the old key would be lost with all it signed. */
    public void create(CertificateAuthority ca, Passphrase passphrase) throws IOException, GeneralSecurityException {
        if (Files.exists(path.resolve(KEY_STORE))) {
            throw new IOException(path + " already holds a CA (" + KEY_STORE + "); choose another folder");
        }
        PrivateFiles.folder(path);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, ca.key(), passphrase.chars(), ca.chain().toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, passphrase.chars());
        PrivateFiles.write(path.resolve(KEY_STORE), out.toByteArray());
        Files.writeString(path.resolve(CHAIN), Certificates.pem(ca.chain()), StandardCharsets.US_ASCII);
        write(REVOCATIONS, Json.pretty(Json.revocations(List.of())));
        write(ISSUED, Json.pretty(Json.entries(List.of())));
        PrivateFiles.restrictTree(path);
    }

    public CertificateAuthority open(Passphrase passphrase, Clock clock, SecureRandom random)
            throws IOException, GeneralSecurityException {
        Path file = path.resolve(KEY_STORE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(path + " is not a CA folder: " + KEY_STORE + " is missing");
        }
        KeyStore store = NodeCredentials.loadKeyStore(file, passphrase);
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, passphrase.chars());
        List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(ALIAS))
                .map(X509Certificate.class::cast).toList();
        return new CertificateAuthority(key, chain, clock, random);
    }

    /** The federation root certificate, the trust anchor every node configures; needs no passphrase. */
    public X509Certificate anchor() throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = Certificates.parsePem(Files.readString(path.resolve(CHAIN)));
        return chain.get(chain.size() - 1);
    }

    public List<Revocation> revocations() throws IOException {
        return Json.readRevocations(read(REVOCATIONS));
    }

    public void revoke(Revocation revocation) throws IOException {
        List<Revocation> all = new ArrayList<>(revocations());
        if (all.stream().anyMatch(r -> r.serial().equals(revocation.serial()))) {
            throw new IllegalArgumentException("serial " + revocation.serialHex() + " is already revoked");
        }
        all.add(revocation);
        write(REVOCATIONS, Json.pretty(Json.revocations(all)));
    }

    /** Node certificates this CA issued, oldest first. */
    public List<DirectoryEntry> issued() throws IOException {
        return Json.readEntries(read(ISSUED));
    }

    public void recordIssued(DirectoryEntry entry) throws IOException {
        List<DirectoryEntry> all = new ArrayList<>(issued());
        all.add(entry);
        write(ISSUED, Json.pretty(Json.entries(all)));
    }

    /** The next directory sequence number, remembered so that every directory this CA signs is newer. */
    public long nextSequence() throws IOException {
        Path file = path.resolve(SEQUENCE);
        long next = Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) + 1 : 1;
        write(SEQUENCE, next + "\n");
        return next;
    }

    private JsonNode read(String name) throws IOException {
        Path file = path.resolve(name);
        return Files.exists(file) ? Json.MAPPER.readTree(file.toFile()) : Json.MAPPER.createArrayNode();
    }

    /** Write then rename, so a crash never leaves a half-written revocation list. */
    private void write(String name, String text) throws IOException {
        PrivateFiles.write(path.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
