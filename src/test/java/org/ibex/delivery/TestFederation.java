package org.ibex.delivery;

import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.Federation;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Passphrase;
import org.ibex.trust.Revocation;
import org.ibex.trust.RevocationReason;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One federation for transport tests, in real time because TLS checks certificate dates against the system clock. */
public final class TestFederation {
    public static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery");
    /** Node certificates name this host as an IP SAN, which the HTTPS client checks. */
    public static final URI LOOPBACK = URI.create("https://127.0.0.1:9443");

    public final CertificateAuthority root;
    public final CertificateAuthority state;
    public final Federation federation;
    public final List<NodeCredentials> nodes;
    public final byte[] signedDirectory;
    private final CertificateAuthority directorySigner;

    public TestFederation(String... nodeIds) throws Exception {
        this(java.util.Arrays.stream(nodeIds).collect(java.util.stream.Collectors.toMap(id -> id, id -> LOOPBACK,
                (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    /** A federation whose directory lists each node at its own endpoint, for nodes that send to each other. */
    public TestFederation(java.util.Map<String, URI> endpoints) throws Exception {
        String[] nodeIds = endpoints.keySet().toArray(String[]::new);
        Clock clock = Clock.systemUTC();
        root = CertificateAuthority.createRoot("Federation root", clock, new SecureRandom());
        state = root.createState("UTO");
        // Nodes of another state (XXB/...) get a state CA of their own under the same root, as in a real federation.
        java.util.Map<String, CertificateAuthority> states = new java.util.HashMap<>(java.util.Map.of("UTO", state));
        NodeCredentials[] issued = new NodeCredentials[nodeIds.length];
        for (int i = 0; i < nodeIds.length; i++) {
            NodeIdentity id = NodeIdentity.parse(nodeIds[i]);
            if (!states.containsKey(id.state())) {
                states.put(id.state(), root.createState(id.state()));
            }
            issued[i] = states.get(id.state()).issue(id, endpoints.get(nodeIds[i]), Duration.ofDays(30));
        }
        // One state's directory is signed by its CA; a directory of several states by the root every node trusts.
        directorySigner = states.size() == 1 ? state : root;
        nodes = List.of(issued);
        Instant now = clock.instant();
        FederationDirectory directory = new FederationDirectory(1, "UTO state CA", now, now.plus(Duration.ofHours(24)),
                Arrays.stream(issued).map(n -> DirectoryEntry.of(n.node(), n.endpoint(), n.certificate())).toList(),
                List.of());
        signedDirectory = directory.signedBy(directorySigner);
        federation = Federation.join(signedDirectory, root.certificate(), clock);
    }

    /** A later directory of the same nodes, signed by the state CA, revoking the certificates of {@code revoked}. */
    byte[] directory(long sequence, String... revoked) throws Exception {
        Instant now = Instant.now();
        List<Revocation> revocations = Arrays.stream(revoked).map(id -> new Revocation(
                node(id).certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE, now)).toList();
        return new FederationDirectory(sequence, "UTO state CA", now, now.plus(Duration.ofHours(24)),
                nodes.stream().map(n -> DirectoryEntry.of(n.node(), n.endpoint(), n.certificate())).toList(),
                revocations).signedBy(directorySigner);
    }

    public NodeCredentials node(String id) {
        return nodes.stream().filter(n -> n.node().toString().equals(id)).findFirst().orElseThrow();
    }

    /** Saves the node's key store under {@code folder} and returns its path. */
    public Path save(String id, Path folder) throws Exception {
        node(id).save(folder, PASSPHRASE);
        return folder.resolve(NodeCredentials.KEY_STORE);
    }
}
