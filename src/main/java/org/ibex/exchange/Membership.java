package org.ibex.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What a node needs to take part in the federation, kept in one folder ({@code DATA/exchange}): its key and
 * certificate from {@code ibex pki issue}, the federation anchor ({@code anchor.pem}) and the latest signed
 * directory ({@code directory.json}).
 */
public final class Membership {
    public static final String ANCHOR = "anchor.pem";
    public static final String DIRECTORY = "directory.json";

    private final Path folder;
    private final NodeCredentials credentials;
    private final Federation federation;
    private final Passphrase passphrase;

    private Membership(Path folder, NodeCredentials credentials, Federation federation, Passphrase passphrase) {
        this.folder = folder;
        this.credentials = credentials;
        this.federation = federation;
        this.passphrase = passphrase;
    }

    /** Whether {@code folder} holds a membership (a node key store, an anchor and a directory). */
    public static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(NodeCredentials.KEY_STORE)) && Files.isRegularFile(folder.resolve(ANCHOR))
                && Files.isRegularFile(folder.resolve(DIRECTORY));
    }

    /**
     * Copies a node folder, the anchor and a directory into {@code folder} after checking that they belong
     * together: the directory verifies against the anchor, the node's certificate chains to it and the directory
     * lists the node with that certificate.
     */
    public static Membership join(Path folder, Path nodeFolder, Path anchorPem, Path directoryFile, Passphrase passphrase,
                                  Clock clock) throws IOException, GeneralSecurityException, DirectoryException {
        Membership checked = open(nodeFolder, anchorPem, directoryFile, passphrase, clock);
        Files.createDirectories(folder);
        for (String name : new String[]{NodeCredentials.KEY_STORE, NodeCredentials.CHAIN, NodeCredentials.DESCRIPTION}) {
            Files.copy(nodeFolder.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(anchorPem, folder.resolve(ANCHOR), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(directoryFile, folder.resolve(DIRECTORY), StandardCopyOption.REPLACE_EXISTING);
        return new Membership(folder, checked.credentials, checked.federation, passphrase);
    }

    /** Loads the membership kept in {@code folder}. */
    public static Membership load(Path folder, Passphrase passphrase, Clock clock)
            throws IOException, GeneralSecurityException, DirectoryException {
        if (!present(folder)) {
            throw new IOException(folder + " holds no federation membership: it needs " + NodeCredentials.KEY_STORE
                    + ", " + ANCHOR + " and " + DIRECTORY + " (see 'ibex exchange join')");
        }
        Membership membership = open(folder, folder.resolve(ANCHOR), folder.resolve(DIRECTORY), passphrase, clock);
        return new Membership(folder, membership.credentials, membership.federation, passphrase);
    }

    private static Membership open(Path nodeFolder, Path anchorPem, Path directoryFile, Passphrase passphrase,
                                   Clock clock) throws IOException, GeneralSecurityException, DirectoryException {
        NodeCredentials credentials = NodeCredentials.load(nodeFolder, passphrase);
        X509Certificate anchor = Certificates.parsePem(Files.readString(anchorPem, StandardCharsets.US_ASCII)).get(0);
        Federation federation = Federation.join(Files.readAllBytes(directoryFile), anchor, clock);
        X509Certificate[] chain = credentials.chain().toArray(X509Certificate[]::new);
        if (federation.identify(chain).isEmpty()) {
            throw new GeneralSecurityException("the certificate of " + credentials.node() + " does not lead to the"
                    + " anchor " + anchor.getSubjectX500Principal() + ", is out of date, or is revoked");
        }
        DirectoryEntry listed = federation.directory().node(credentials.node()).orElseThrow(() ->
                new GeneralSecurityException("directory " + federation.directory().sequence() + " does not list "
                        + credentials.node() + "; issue the directory after the node certificate"));
        if (!listed.serial().equals(credentials.certificate().getSerialNumber())) {
            throw new GeneralSecurityException("directory lists " + credentials.node() + " with certificate "
                    + listed.serial().toString(16) + ", not this node's " + credentials.certificate().getSerialNumber()
                    .toString(16));
        }
        return new Membership(nodeFolder, credentials, federation, passphrase);
    }

    public NodeIdentity node() {
        return credentials.node();
    }

    public NodeCredentials credentials() {
        return credentials;
    }

    public Federation federation() {
        return federation;
    }

    /** Mutual TLS 1.3 with this node's key and the federation's anchor and revocations. */
    public javax.net.ssl.SSLContext sslContext() throws IOException, GeneralSecurityException {
        return federation.sslContext(folder.resolve(NodeCredentials.KEY_STORE), passphrase);
    }

    public EnvelopeSigner signer() {
        return new EnvelopeSigner(credentials.key(), credentials.chain());
    }

    /**
     * A verifier for envelopes addressed to this node. Replay is left to the durable inbox, which keeps ids at least
     * {@code maxAge}; {@code created} may lie that far back, so a backlog held for days is still accepted.
     */
    public EnvelopeVerifier verifier(Duration maxAge, Clock clock) {
        Set<java.math.BigInteger> revoked = federation.directory().revokedSerials();
        return new EnvelopeVerifier(Set.of(federation.anchor()), revoked::contains, node(), clock, maxAge,
                Duration.ofMinutes(1), (key, created) -> true);
    }
}
