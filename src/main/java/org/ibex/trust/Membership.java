package org.ibex.trust;

import org.ibex.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final Clock clock;

    private Membership(Path folder, NodeCredentials credentials, Federation federation, Passphrase passphrase,
                       Clock clock) {
        this.folder = folder;
        this.credentials = credentials;
        this.federation = federation;
        this.passphrase = passphrase;
        this.clock = clock;
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
        Membership checked = open(nodeFolder, anchorPem, directoryFile, passphrase, clock, false);
        PrivateFiles.folder(folder);
        for (String name : new String[]{NodeCredentials.KEY_STORE, NodeCredentials.CHAIN, NodeCredentials.DESCRIPTION}) {
            PrivateFiles.write(folder.resolve(name), Files.readAllBytes(nodeFolder.resolve(name)));
        }
        PrivateFiles.write(folder.resolve(ANCHOR), Files.readAllBytes(anchorPem));
        PrivateFiles.write(folder.resolve(DIRECTORY), Files.readAllBytes(directoryFile));
        return new Membership(folder, checked.credentials, checked.federation, passphrase, clock);
    }

    /** Loads the membership kept in {@code folder}. */
    public static Membership load(Path folder, Passphrase passphrase, Clock clock)
            throws IOException, GeneralSecurityException, DirectoryException {
        if (!present(folder)) {
            throw new IOException(folder + " holds no federation membership: it needs " + NodeCredentials.KEY_STORE
                    + ", " + ANCHOR + " and " + DIRECTORY + " (see 'ibex exchange join')");
        }
        // A directory that went past its next update while the node was down is still this node's newest.
        Membership membership = open(folder, folder.resolve(ANCHOR), folder.resolve(DIRECTORY), passphrase, clock,
                true);
        return new Membership(folder, membership.credentials, membership.federation, passphrase, clock);
    }

    private static Membership open(Path nodeFolder, Path anchorPem, Path directoryFile, Passphrase passphrase,
                                   Clock clock, boolean resume)
            throws IOException, GeneralSecurityException, DirectoryException {
        NodeCredentials credentials = NodeCredentials.load(nodeFolder, passphrase);
        X509Certificate anchor = Certificates.parsePem(Files.readString(anchorPem, StandardCharsets.US_ASCII)).get(0);
        byte[] signed = Files.readAllBytes(directoryFile);
        Federation federation = resume ? Federation.resume(signed, anchor, clock) : Federation.join(signed, anchor, clock);
        X509Certificate[] chain = credentials.chain().toArray(X509Certificate[]::new);
        if (federation.identify(chain).isEmpty()) {
            throw new GeneralSecurityException("the certificate of " + credentials.node() + " does not lead to the"
                    + " anchor " + anchor.getSubjectX500Principal() + ", is out of date, or is revoked");
        }
        checkAccepts(federation.directory(), credentials);
        return new Membership(nodeFolder, credentials, federation, passphrase, clock);
    }

    /** Refuses a directory under which this node could not take part: not listed, listed with another certificate, or revoked. */
    private static void checkAccepts(FederationDirectory directory, NodeCredentials credentials)
            throws GeneralSecurityException {
        java.math.BigInteger serial = credentials.certificate().getSerialNumber();
        DirectoryEntry listed = directory.node(credentials.node()).orElseThrow(() -> new GeneralSecurityException(
                "directory " + directory.sequence() + " does not list " + credentials.node()
                        + "; issue the directory after the node certificate"));
        if (!listed.serial().equals(serial) || directory.revokedSerials().contains(serial)) {
            throw new GeneralSecurityException("directory " + directory.sequence() + " does not accept this node's"
                    + " certificate " + serial.toString(16) + " (it lists " + credentials.node() + " with "
                    + listed.serial().toString(16) + ", or revokes it); join again with the node's new certificate");
        }
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

    /**
     * Puts a newer signed directory in force for this membership and writes it to {@link #DIRECTORY}, after the
     * checks {@link #join} makes: it verifies against the anchor, is not older than the one in force, and lists this
     * node with its certificate (a directory without it would leave the node unable to start). A running node picks
     * the file up on its next directory pass.
     *
     * @return the directory in force afterwards; the same one when {@code signed} is already in force
     */
    public FederationDirectory install(byte[] signed) throws DirectoryException, GeneralSecurityException,
            IOException {
        FederationDirectory candidate = FederationDirectory.verify(signed, federation.anchor(), clock,
                federation.directory().sequence());
        checkAccepts(candidate, credentials);
        if (federation.adopt(signed)) {
            replaceFile(directoryFile(), signed);
        }
        return federation.directory();
    }

    /** Writes {@code content} beside {@code file} and moves it into place in one step: readers see old or new. */
    public static void replaceFile(Path file, byte[] content) throws IOException {
        PrivateFiles.write(file, content);
    }

    /** The signed directory file, which a newer adopted directory replaces. */
    public Path directoryFile() {
        return folder.resolve(DIRECTORY);
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
        // Asks the federation on every envelope, so a directory adopted later revokes at once.
        return new EnvelopeVerifier(Set.of(federation.anchor()), federation::isRevoked, node(), clock, maxAge,
                Duration.ofMinutes(1), (key, created) -> true);
    }
}
