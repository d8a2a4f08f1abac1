package org.ibex.cli;

import org.ibex.trust.CaFolder;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Passphrase;
import org.ibex.trust.Revocation;
import org.ibex.trust.RevocationReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** The federation PKI: root and state CAs, node certificates, revocation and the signed directory. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Federation PKI: CAs, node certificates, revocations and the signed directory.",
        subcommands = {PkiCommand.InitRoot.class, PkiCommand.InitState.class, PkiCommand.Issue.class,
                PkiCommand.Renew.class, PkiCommand.Revoke.class, PkiCommand.Directory.class})
final class PkiCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the key passphrase comes from; the passphrase itself is never printed. */
    static final class PassphraseSource {
        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "file holding the key passphrase (default: $" + Passphrase.ENVIRONMENT + ")")
        Path file;

        Passphrase resolve() throws IOException {
            return Passphrase.resolve(file, System.getenv());
        }
    }

    @Command(name = "init-root", mixinStandardHelpOptions = true, description = "Create the federation root CA.")
    static final class InitRoot implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "CA folder to create")
        Path out;
        @Option(names = "--name", required = true, description = "root name, such as \"Federation root\"")
        String name;
        @Mixin
        PassphraseSource passphrase;

        @Override
        public Integer call() throws Exception {
            Passphrase secret = passphrase.resolve();
            CertificateAuthority root = CertificateAuthority.createRoot(name, Clock.systemUTC(), new SecureRandom());
            new CaFolder(out).create(root, secret);
            System.out.println("created root CA " + root.certificate().getSubjectX500Principal() + " in " + out
                    + " until " + root.certificate().getNotAfter().toInstant()
                    + "; distribute " + out.resolve("ca.pem") + " as the federation trust anchor");
            return 0;
        }
    }

    @Command(name = "init-state", mixinStandardHelpOptions = true, description = "Create a state CA under the root.")
    static final class InitState implements Callable<Integer> {
        @Option(names = "--root", required = true, paramLabel = "DIR", description = "root CA folder")
        Path root;
        @Option(names = "--state", required = true, description = "ISO 3166 alpha-3 state code, such as UTO")
        String state;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "state CA folder to create")
        Path out;
        @Mixin
        PassphraseSource passphrase;

        @Override
        public Integer call() throws Exception {
            Passphrase secret = passphrase.resolve();
            CertificateAuthority rootCa = new CaFolder(root).open(secret, Clock.systemUTC(), new SecureRandom());
            CertificateAuthority stateCa = rootCa.createState(state);
            new CaFolder(out).create(stateCa, secret);
            System.out.println("created state CA " + stateCa.certificate().getSubjectX500Principal() + " in " + out
                    + " until " + stateCa.certificate().getNotAfter().toInstant());
            return 0;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a node certificate and key (PKCS#12, alias 'node') for mutual TLS.")
    static final class Issue implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "issuing CA folder")
        Path ca;
        @Option(names = "--node", required = true, description = "node id STATE/AGENCY/UNIT, such as UTO/IMM/POST-ARL")
        String node;
        @Option(names = "--endpoint", required = true, description = "the node's URL, such as https://127.0.0.1:9443")
        URI endpoint;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "node folder to write")
        Path out;
        @Option(names = "--days", defaultValue = "365", description = "validity in days (default ${DEFAULT-VALUE})")
        int days;
        @Mixin
        PassphraseSource passphrase;

        @Override
        public Integer call() throws Exception {
            NodeIdentity id = NodeIdentity.parse(node);
            issue(ca, passphrase.resolve(), id, endpoint, out, days);
            return 0;
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Issue a new key and certificate for a node folder; the old certificate is revoked as superseded.")
    static final class Renew implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "issuing CA folder")
        Path ca;
        @Option(names = "--node-dir", required = true, paramLabel = "DIR", description = "node folder from 'pki issue'")
        Path nodeDir;
        @Option(names = "--days", defaultValue = "365", description = "validity in days (default ${DEFAULT-VALUE})")
        int days;
        @Mixin
        PassphraseSource passphrase;

        @Override
        public Integer call() throws Exception {
            Passphrase secret = passphrase.resolve();
            DirectoryEntry old = DirectoryEntry.fromFolder(nodeDir);
            issue(ca, secret, old.node(), old.endpoint(), nodeDir, days);
            new CaFolder(ca).revoke(new Revocation(old.serial(), RevocationReason.SUPERSEDED, Instant.now()));
            System.out.println("revoked previous certificate " + old.serial().toString(16) + " as superseded");
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a certificate; it is listed in the CA's next directory.")
    static final class Revoke implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "issuing CA folder")
        Path ca;
        @Option(names = "--serial", required = true, paramLabel = "HEX", description = "certificate serial in hex")
        String serial;
        @Option(names = "--reason", required = true,
                description = "keyCompromise, superseded or cessationOfOperation")
        String reason;

        @Override
        public Integer call() throws Exception {
            Revocation revocation = new Revocation(Revocation.parseSerial(serial), RevocationReason.parse(reason),
                    Instant.now());
            requireCaFolder(ca);
            new CaFolder(ca).revoke(revocation);
            System.out.println("revoked " + revocation.serialHex() + " (" + revocation.reason().code() + ")");
            return 0;
        }
    }

    @Command(name = "directory", mixinStandardHelpOptions = true,
            description = "Write the federation directory signed by the CA (JSON with a detached JWS).")
    static final class Directory implements Callable<Integer> {
        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "signing CA folder")
        Path ca;
        @Option(names = "--nodes-from", paramLabel = "DIR", arity = "1..*",
                description = "node folders to list besides those the CA issued")
        List<Path> nodesFrom = new ArrayList<>();
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "directory file to write")
        Path out;
        @Option(names = "--hours", defaultValue = "24", description = "hours until next update (default ${DEFAULT-VALUE})")
        int hours;
        @Mixin
        PassphraseSource passphrase;

        @Override
        public Integer call() throws Exception {
            if (hours < 1) {
                throw new IllegalArgumentException("--hours must be at least 1, was " + hours);
            }
            Passphrase secret = passphrase.resolve();
            CaFolder folder = new CaFolder(ca);
            CertificateAuthority authority = folder.open(secret, Clock.systemUTC(), new SecureRandom());
            List<Revocation> revocations = folder.revocations();
            Set<BigInteger> revoked = revocations.stream().map(Revocation::serial)
                    .collect(java.util.stream.Collectors.toSet());
            Instant now = Instant.now();
            // Latest certificate per node wins; revoked and expired ones are left out.
            Map<NodeIdentity, DirectoryEntry> nodes = new LinkedHashMap<>();
            List<DirectoryEntry> candidates = new ArrayList<>(folder.issued());
            for (Path node : nodesFrom) {
                candidates.add(DirectoryEntry.fromFolder(node));
            }
            for (DirectoryEntry entry : candidates) {
                if (!revoked.contains(entry.serial()) && entry.notAfter().isAfter(now)) {
                    nodes.put(entry.node(), entry);
                }
            }
            FederationDirectory directory = new FederationDirectory(folder.nextSequence(),
                    authority.certificate().getSubjectX500Principal().getName(), now,
                    now.plus(Duration.ofHours(hours)), List.copyOf(nodes.values()), revocations);
            Files.write(out, directory.signedBy(authority));
            System.out.println("wrote directory " + directory.sequence() + " to " + out + ": " + nodes.size()
                    + " nodes, " + revocations.size() + " revocations, next update " + directory.nextUpdate());
            return 0;
        }
    }

    private static void issue(Path ca, Passphrase secret, NodeIdentity id, URI endpoint, Path out, int days)
            throws Exception {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, was " + days);
        }
        CaFolder folder = new CaFolder(ca);
        CertificateAuthority authority = folder.open(secret, Clock.systemUTC(), new SecureRandom());
        NodeCredentials credentials = authority.issue(id, endpoint, Duration.ofDays(days));
        credentials.save(out, secret);
        folder.recordIssued(DirectoryEntry.of(id, endpoint, credentials.certificate()));
        System.out.println("issued " + id + " serial " + credentials.certificate().getSerialNumber().toString(16)
                + " until " + credentials.certificate().getNotAfter().toInstant() + " into "
                + out.resolve(NodeCredentials.KEY_STORE));
    }

    private static void requireCaFolder(Path ca) {
        if (!Files.isRegularFile(ca.resolve("ca.pem"))) {
            throw new IllegalArgumentException(ca + " is not a CA folder: ca.pem is missing");
        }
    }
}
