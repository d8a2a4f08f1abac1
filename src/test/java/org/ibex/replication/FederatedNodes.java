package org.ibex.replication;

import org.ibex.delivery.NodeProcess;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.node.Node;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;
import org.ibex.trust.Membership;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes of one state's federation in this process, each opened as {@code ibex serve} opens it (its own data folder,
 * database and certificate, joined with {@code exchange join}) and with its exchange started on loopback.
 */
public final class FederatedNodes implements AutoCloseable {
    public static final String PASSPHRASE = "correct horse battery";
    private final Path dir;
    private final TestFederation pki;
    private final Path anchor;
    private final Path directory;
    private final Map<String, StoreConfig> stores = new HashMap<>();
    private final List<Node> open = new ArrayList<>();

    public FederatedNodes(Path dir, String... ids) throws Exception {
        this.dir = dir;
        this.pki = new TestFederation(RunningNodes.endpoints(ids));
        this.anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        this.directory = dir.resolve("directory.json");
        Files.write(directory, pki.signedDirectory);
    }

    /** The federation's CA and node credentials, for a test that signs as one of its nodes. */
    public TestFederation pki() {
        return pki;
    }

    /** Opens node {@code id} (joining it the first time) and starts its exchange; a later call reopens it. */
    public Node open(String id) throws Exception {
        Node node = openStopped(id);
        URI endpoint = pki.node(id).endpoint();
        node.exchange.orElseThrow().start(endpoint.getHost(), endpoint.getPort(), Duration.ofMillis(50),
                Duration.ofMinutes(10));
        return node;
    }

    /** Opens node {@code id} as {@link #open} does, without starting its exchange: nothing is sent or shipped. */
    public Node openStopped(String id) throws Exception {
        Path data = dir.resolve(id.replace('/', '_'));
        if (!stores.containsKey(id)) {
            Path nodeFolder = dir.resolve(id.replace('/', '_') + "-node");
            pki.node(id).save(nodeFolder, TestFederation.PASSPHRASE);
            Files.createDirectories(data);
            Membership.join(data.resolve("exchange"), nodeFolder, anchor, directory, TestFederation.PASSPHRASE,
                    Clock.systemUTC());
            stores.put(id, TestDatabases.freshConfig(data));
        }
        StoreConfig store = stores.get(id);
        Node node = Node.open(data, Map.of("IBEX_PKI_PASSPHRASE", PASSPHRASE, "IBEX_JDBC_URL", store.jdbcUrl(),
                "IBEX_JDBC_USER", store.user(), "IBEX_JDBC_PASSWORD", store.password()), Clock.systemUTC());
        open.add(node);
        return node;
    }

    /** Closes a node as a stop would; its data stays for {@link #open} again. */
    public void close(Node node) {
        open.remove(node);
        node.close();
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
