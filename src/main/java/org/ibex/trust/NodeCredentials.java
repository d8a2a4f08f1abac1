package org.ibex.trust;

import java.io.ByteArrayOutputStream;
import org.ibex.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A node's key and certificate chain as issued by its CA; saved as a PKCS#12 key store usable for TLS. */
public record NodeCredentials(NodeIdentity node, URI endpoint, PrivateKey key, List<X509Certificate> chain) {
    /** The alias of the key entry in {@link #KEY_STORE}. */
    public static final String ALIAS = "node";
    public static final String KEY_STORE = "node.p12";
    static final String CHAIN = "node.pem";
    static final String DESCRIPTION = "node.json";

    public NodeCredentials {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Writes node.p12 (encrypted with the passphrase), node.pem and node.json into the folder. */
    public void save(Path folder, Passphrase passphrase) throws IOException, GeneralSecurityException {
        PrivateFiles.folder(folder);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, passphrase.chars(), chain.toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, passphrase.chars());
        PrivateFiles.write(folder.resolve(KEY_STORE), out.toByteArray());
        PrivateFiles.write(folder.resolve(CHAIN), Certificates.pem(chain).getBytes(StandardCharsets.US_ASCII));
        PrivateFiles.write(folder.resolve(DESCRIPTION), Json.describeNode(node, endpoint).getBytes(StandardCharsets.UTF_8));
    }

    public static NodeCredentials load(Path folder, Passphrase passphrase) throws IOException, GeneralSecurityException {
        KeyStore store = loadKeyStore(folder.resolve(KEY_STORE), passphrase);
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, passphrase.chars());
        if (key == null) {
            throw new GeneralSecurityException(folder.resolve(KEY_STORE) + " has no key entry '" + ALIAS + "'");
        }
        List<X509Certificate> chain = java.util.Arrays.stream(store.getCertificateChain(ALIAS))
                .map(X509Certificate.class::cast).toList();
        DirectoryEntry described = DirectoryEntry.fromFolder(folder);
        return new NodeCredentials(described.node(), described.endpoint(), key, chain);
    }

    /** Opens a PKCS#12 file; a wrong passphrase becomes a message that says so instead of a bare IOException. */
    static KeyStore loadKeyStore(Path file, Passphrase passphrase) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, passphrase.chars());
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new GeneralSecurityException("cannot open " + file + ": wrong passphrase", e);
            }
            throw e;
        }
        return store;
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + node + " at " + endpoint + ", serial " + certificate().getSerialNumber().toString(16)
                + "]";
    }
}
