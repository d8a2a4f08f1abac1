package org.ibex.trust;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.math.BigInteger;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node trusts: the federation anchor and the latest verified directory; it identifies peers by node id.
 * A newer directory is adopted in place ({@link #adopt}), so the TLS trust manager, envelope verification and
 * peer endpoints of a running node see new nodes and revocations without a restart.
 */
public final class Federation {
    /** Federation peers speak only this protocol. */
    public static final String PROTOCOL = "TLSv1.3";
    private static final int MAX_REMEMBERED_PATHS = 10_000;

    private final X509Certificate anchor;
    private final AtomicReference<Current> current;
    private final Clock clock;
    /** Chains that passed PKIX with this anchor: a node sees the same few peers on every request. */
    private final Set<List<X509Certificate>> validatedPaths = ConcurrentHashMap.newKeySet();

    /** The directory in force, its signed form (to hand on to peers; null when built from a bare directory). */
    private record Current(FederationDirectory directory, byte[] signed, Set<BigInteger> revoked) {
        Current(FederationDirectory directory, byte[] signed) {
            this(directory, signed, directory.revokedSerials());
        }
    }

    public Federation(X509Certificate anchor, FederationDirectory directory, Clock clock) {
        this(anchor, new Current(Objects.requireNonNull(directory, "directory"), null), clock);
    }

    private Federation(X509Certificate anchor, Current current, Clock clock) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.current = new AtomicReference<>(current);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a directory file against the anchor: the way a node joins the federation. */
    public static Federation join(byte[] signedDirectory, X509Certificate anchor, Clock clock)
            throws DirectoryException {
        FederationDirectory directory = FederationDirectory.verify(signedDirectory, anchor, clock);
        return new Federation(anchor, new Current(directory, signedDirectory.clone()), clock);
    }

    /**
     * Reloads the directory this node accepted before, from its own folder: signature and chain are checked as at
     * join, but one past its next-update time is still used. A post cut off for days must be able to restart and
     * deliver its backlog, and the newest directory it can have is the one it holds; it takes a newer one from the
     * first peer that answers ({@link #stale()} says when it is overdue).
     */
    public static Federation resume(byte[] signedDirectory, X509Certificate anchor, Clock clock)
            throws DirectoryException {
        FederationDirectory directory = DirectorySignature.verify(signedDirectory, anchor, clock);
        return new Federation(anchor, new Current(directory, signedDirectory.clone()), clock);
    }

    /** Whether the directory in force is past its next-update time: revocations since then are not known here. */
    public boolean stale() {
        return !clock.instant().isBefore(directory().nextUpdate());
    }

    /**
     * Puts a newer signed directory in force after verifying it against the anchor. Answers false, changing nothing,
     * for the directory already in force (same sequence); refuses an older one ({@code rollback}), a bad signature,
     * a chain that does not lead to the anchor or a directory past its next-update time.
     */
    public synchronized boolean adopt(byte[] signedDirectory) throws DirectoryException {
        long inForce = directory().sequence();
        FederationDirectory candidate = FederationDirectory.verify(signedDirectory, anchor, clock, inForce);
        if (candidate.sequence() == inForce) {
            return false;
        }
        current.set(new Current(candidate, signedDirectory.clone()));
        return true;
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
        if (leaf.getBasicConstraints() >= 0 || isRevoked(leaf.getSerialNumber())) {
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

    /** The directory in force now; a later call may return a newer one. */
    public FederationDirectory directory() {
        return current.get().directory();
    }

    /** The signed form of the directory in force, as a peer asking for it receives it. */
    public Optional<byte[]> signedDirectory() {
        byte[] signed = current.get().signed();
        return signed == null ? Optional.empty() : Optional.of(signed.clone());
    }

    /** Whether the directory in force revokes the certificate with {@code serial}. */
    public boolean isRevoked(BigInteger serial) {
        return current.get().revoked().contains(serial);
    }

    boolean isRevoked(X509Certificate certificate) {
        return isRevoked(certificate.getSerialNumber());
    }

    static Optional<NodeIdentity> nodeId(X509Certificate leaf) {
        return NodeCertificates.fromSan(leaf);
    }

    @Override
    public String toString() {
        return "Federation[anchor " + anchor.getSubjectX500Principal() + ", directory " + directory().sequence() + "]";
    }
}
