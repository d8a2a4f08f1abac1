package org.ibex.exchange;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;

/** What a node trusts: the federation anchor and the latest verified directory; it identifies peers by node id. */
public final class Federation {
    /** Federation peers speak only this protocol. */
    public static final String PROTOCOL = "TLSv1.3";
    private static final int MAX_REMEMBERED_PATHS = 10_000;

    private final X509Certificate anchor;
    private final FederationDirectory directory;
    private final Clock clock;
    /** Chains that passed PKIX with this anchor: a node sees the same few peers on every request. */
    private final Set<List<X509Certificate>> validatedPaths = ConcurrentHashMap.newKeySet();

    public Federation(X509Certificate anchor, FederationDirectory directory, Clock clock) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a directory file against the anchor: the way a node joins the federation. */
    public static Federation join(byte[] signedDirectory, X509Certificate anchor, Clock clock)
            throws DirectoryException {
        return new Federation(anchor, FederationDirectory.verify(signedDirectory, anchor, clock), clock);
    }

    /** A federation with a newer directory; refuses a directory older than the current one. */
    public Federation update(byte[] signedDirectory) throws DirectoryException {
        return new Federation(anchor, FederationDirectory.verify(signedDirectory, anchor, clock,
                directory.sequence()), clock);
    }

    /**
     * The node id of the peer presenting the chain (leaf first), or empty when the chain does not lead to
     * the anchor, a certificate is out of date, the leaf is revoked, or it carries no node id.
     */
    public Optional<NodeIdentity> identify(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        X509Certificate leaf = chain[0];
        List<X509Certificate> path = Arrays.asList(chain);
        try {
            if (validatedPaths.contains(path)) {
                // Path building is the costly part and cannot change for the same certificates; dates can.
                for (X509Certificate certificate : path) {
                    certificate.checkValidity(Date.from(clock.instant()));
                }
            } else {
                Chains.validate(path, anchor, clock.instant());
                rememberValidated(path);
            }
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        if (leaf.getBasicConstraints() >= 0 || directory.revokedSerials().contains(leaf.getSerialNumber())) {
            return Optional.empty();
        }
        return nodeId(leaf);
    }

    /**
     * An SSLContext for mutual TLS 1.3 with the node's PKCS#12 key and this federation's anchor; peers are
     * also checked against the directory's revocations. Servers must still call {@code setNeedClientAuth(true)}.
     */
    public SSLContext sslContext(Path nodeKeyStore, Passphrase passphrase) throws IOException, GeneralSecurityException {
        KeyStore keys = NodeCredentials.loadKeyStore(nodeKeyStore, passphrase);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, passphrase.chars());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("federation-anchor", anchor);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(anchors);
        X509ExtendedTrustManager pkix = Arrays.stream(trustManagers.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                .findFirst().orElseThrow(() -> new GeneralSecurityException("no X509 trust manager available"));
        SSLContext context = SSLContext.getInstance(PROTOCOL);
        context.init(keyManagers.getKeyManagers(), new TrustManager[]{new FederationTrustManager(pkix, this)},
                new SecureRandom());
        return context;
    }

    private void rememberValidated(List<X509Certificate> path) {
        if (validatedPaths.size() >= MAX_REMEMBERED_PATHS) {
            validatedPaths.clear();
        }
        validatedPaths.add(List.copyOf(path));
    }

    public X509Certificate anchor() {
        return anchor;
    }

    public FederationDirectory directory() {
        return directory;
    }

    boolean isRevoked(X509Certificate certificate) {
        return directory.revokedSerials().contains(certificate.getSerialNumber());
    }

    static Optional<NodeIdentity> nodeId(X509Certificate leaf) {
        return NodeCertificates.fromSan(leaf);
    }

    @Override
    public String toString() {
        return "Federation[anchor " + anchor.getSubjectX500Principal() + ", directory " + directory.sequence() + "]";
    }
}
