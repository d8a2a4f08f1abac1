package org.ibex.bench;

import org.ibex.node.Node;

import org.ibex.trust.CaFolder;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Passphrase;
import org.ibex.store.DataFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away federation for a benchmark, built the way operators build one (root CA, state CA, node certificates,
 * signed directory, {@code exchange join}) but in code and in one temporary folder: two data folders joined as
 * sender and receiver, each certified at a free loopback port.
 */
public record BenchFederation(Path root, Path senderData, Path receiverData, NodeIdentity sender, NodeIdentity receiver,
                       URI receiverEndpoint, String passphrase) implements AutoCloseable {
    public static final NodeIdentity SENDER = NodeIdentity.parse("UTO/BENCH/SENDER");
    public static final NodeIdentity RECEIVER = NodeIdentity.parse("UTO/BENCH/RECEIVER");

    public static BenchFederation create() throws Exception {
        return create(SENDER, RECEIVER);
    }

    /**
     * A federation of {@code sender} and {@code receiver}, named as the benchmark needs (a post and its HQ, or two
     * states' nodes, each state with a CA of its own).
     */
    public static BenchFederation create(NodeIdentity sender, NodeIdentity receiver) throws Exception {
        Path root = Files.createTempDirectory("ibex-bench-exchange");
        try {
            return create(root, sender, receiver);
        } catch (Exception | Error e) {
            delete(root);
            throw e;
        }
    }

    private static BenchFederation create(Path root, NodeIdentity senderId, NodeIdentity receiverId)
            throws Exception {
        // Random per run: the keys live only in this folder and only for this run.
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Passphrase passphrase = Passphrase.of(secret);
        Clock clock = Clock.systemUTC();
        CertificateAuthority rootCa = CertificateAuthority.createRoot("Bench federation root", clock, new SecureRandom());
        Path rootFolder = root.resolve("root-ca");
        new CaFolder(rootFolder).create(rootCa, passphrase);
        Path anchor = rootFolder.resolve("ca.pem");
        // Each state's nodes are certified by that state's CA under the one root; the directory of one state is
        // signed by its CA, a directory of two states by the root both trust.
        CertificateAuthority senderState = rootCa.createState(senderId.state());
        boolean oneState = senderId.state().equals(receiverId.state());
        CertificateAuthority receiverState = oneState ? senderState : rootCa.createState(receiverId.state());
        CertificateAuthority directorySigner = oneState ? senderState : rootCa;
        URI senderEndpoint = URI.create("https://127.0.0.1:" + freePort());
        URI receiverEndpoint = URI.create("https://127.0.0.1:" + freePort());
        NodeCredentials sender = senderState.issue(senderId, senderEndpoint, Duration.ofDays(1));
        NodeCredentials receiver = receiverState.issue(receiverId, receiverEndpoint, Duration.ofDays(1));
        Instant now = clock.instant();
        FederationDirectory directory = new FederationDirectory(1, oneState ? senderId.state() + " state CA"
                : "Bench federation root", now, now.plus(Duration.ofDays(1)),
                List.of(DirectoryEntry.of(senderId, senderEndpoint, sender.certificate()),
                        DirectoryEntry.of(receiverId, receiverEndpoint, receiver.certificate())), List.of());
        Path directoryFile = root.resolve("directory.json");
        Files.write(directoryFile, directory.signedBy(directorySigner));
        Path senderData = join(root, "sender", sender, anchor, directoryFile, passphrase, clock);
        Path receiverData = join(root, "receiver", receiver, anchor, directoryFile, passphrase, clock);
        return new BenchFederation(root, senderData, receiverData, senderId, receiverId, receiverEndpoint, secret);
    }

    static Path join(Path root, String name, NodeCredentials node, Path anchor, Path directory,
                             Passphrase passphrase, Clock clock) throws Exception {
        Path nodeFolder = root.resolve("issued-" + name);
        node.save(nodeFolder, passphrase);
        Path data = root.resolve(name);
        Membership.join(Node.exchangeFolder(DataFolder.open(data, Map.of())), nodeFolder, anchor, directory, passphrase,
                clock);
        return data;
    }

    /** A port free now; the certificate names it, so the receiver must bind it soon, which it does at start. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The environment a node of this federation reads its key passphrase from. */
    public Map<String, String> environment() {
        return Map.of("IBEX_PKI_PASSPHRASE", passphrase);
    }

    @Override
    public void close() {
        delete(root);
    }

    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the benchmark folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BenchFederation[" + root + ", " + sender + " -> " + receiver + " at " + receiverEndpoint + "]";
    }
}
