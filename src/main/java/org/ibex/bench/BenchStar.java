package org.ibex.bench;

import org.ibex.trust.CaFolder;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Passphrase;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throw-away federation of one headquarters and its posts for a benchmark, built as {@link BenchFederation} builds
 * its pair (root CA, state CA, one certificate per node at a free loopback port, signed directory, exchange join):
 * each node gets a data folder of its own.
 */
public record BenchStar(Path root, NodeIdentity headquarters, List<NodeIdentity> posts, Map<NodeIdentity, Path> data,
                        Map<NodeIdentity, URI> endpoints, String passphrase) implements AutoCloseable {

    /** {@code headquarters} and {@code posts} nodes named {@code prefix}01, 02, … in its state and agency. */
    public static BenchStar create(NodeIdentity headquarters, String prefix, int posts) throws Exception {
        List<NodeIdentity> ids = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            ids.add(NodeIdentity.parse(headquarters.state() + "/" + headquarters.agency() + "/"
                    + String.format("%s%02d", prefix, i)));
        }
        Path root = Files.createTempDirectory("ibex-bench-star");
        try {
            return create(root, headquarters, ids);
        } catch (Exception | Error e) {
            BenchFederation.delete(root);
            throw e;
        }
    }

    private static BenchStar create(Path root, NodeIdentity headquarters, List<NodeIdentity> posts) throws Exception {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Passphrase passphrase = Passphrase.of(secret);
        Clock clock = Clock.systemUTC();
        CertificateAuthority rootCa = CertificateAuthority.createRoot("Bench federation root", clock,
                new SecureRandom());
        Path rootFolder = root.resolve("root-ca");
        new CaFolder(rootFolder).create(rootCa, passphrase);
        Path anchor = rootFolder.resolve("ca.pem");
        CertificateAuthority state = rootCa.createState(headquarters.state());
        List<NodeIdentity> all = new ArrayList<>();
        all.add(headquarters);
        all.addAll(posts);
        Map<NodeIdentity, URI> endpoints = new LinkedHashMap<>();
        Map<NodeIdentity, NodeCredentials> credentials = new LinkedHashMap<>();
        List<DirectoryEntry> entries = new ArrayList<>();
        for (NodeIdentity id : all) {
            URI endpoint = URI.create("https://127.0.0.1:" + BenchFederation.freePort());
            NodeCredentials issued = state.issue(id, endpoint, Duration.ofDays(1));
            endpoints.put(id, endpoint);
            credentials.put(id, issued);
            entries.add(DirectoryEntry.of(id, endpoint, issued.certificate()));
        }
        Instant now = clock.instant();
        FederationDirectory directory = new FederationDirectory(1, headquarters.state() + " state CA", now,
                now.plus(Duration.ofDays(1)), entries, List.of());
        Path directoryFile = root.resolve("directory.json");
        Files.write(directoryFile, directory.signedBy(state));
        Map<NodeIdentity, Path> data = new LinkedHashMap<>();
        for (NodeIdentity id : all) {
            data.put(id, BenchFederation.join(root, id.toString().replace('/', '_'), credentials.get(id), anchor,
                    directoryFile, passphrase, clock));
        }
        return new BenchStar(root, headquarters, List.copyOf(posts), data, endpoints, secret);
    }

    /** The environment a node of this federation reads its key passphrase from. */
    public Map<String, String> environment() {
        return Map.of("IBEX_PKI_PASSPHRASE", passphrase);
    }

    @Override
    public void close() {
        BenchFederation.delete(root);
    }
}
