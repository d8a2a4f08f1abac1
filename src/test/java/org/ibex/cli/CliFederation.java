package org.ibex.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/** A federation made with the {@code ibex pki} commands in a test's folder, as an operator makes one: root, state UTO. */
final class CliFederation {
    private static final String SECRET = "correct horse battery staple";
    private final Path dir;
    private final String passphrase;

    CliFederation(Path dir) throws Exception {
        this.dir = dir;
        this.passphrase = Files.writeString(dir.resolve("passphrase.txt"), SECRET + "\n").toString();
        ok("pki", "init-root", "--out", path("root"), "--name", "Federation root", "--passphrase-file", passphrase);
        ok("pki", "init-state", "--root", path("root"), "--state", "UTO", "--out", path("uto"),
                "--passphrase-file", passphrase);
    }

    /** The file holding the CA and node key passphrase, for {@code --passphrase-file}. */
    String passphrase() {
        return passphrase;
    }

    /** Issues a certificate for {@code node} under the state CA into the node folder {@code folder}. */
    void issue(String node, String endpoint, String folder) {
        ok("pki", "issue", "--ca", path("uto"), "--node", node, "--endpoint", endpoint, "--out", path(folder),
                "--passphrase-file", passphrase);
    }

    /** Revokes the certificate in {@code folder} for key compromise; returns its serial in hex. */
    String revoke(String folder) throws Exception {
        String serial = serial(folder);
        ok("pki", "revoke", "--ca", path("uto"), "--serial", serial, "--reason", "keyCompromise");
        return serial;
    }

    /** The serial of the certificate in the node folder {@code folder}, in hex as {@code pki revoke} takes it. */
    String serial(String folder) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(folder).resolve("node.pem"))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .getSerialNumber().toString(16);
        }
    }

    /** Writes the state CA's next signed directory to {@code file}. */
    void directory(String file) {
        ok("pki", "directory", "--ca", path("uto"), "--out", path(file), "--passphrase-file", passphrase);
    }

    /** A fresh data folder joined to the federation as the node of {@code nodeFolder}, with {@code directory}. */
    TestDataFolder joined(String nodeFolder, String directory) throws Exception {
        TestDataFolder data = TestDataFolder.create();
        Files.writeString(data.path().resolve("ibex.properties"), "pki.passphrase-file="
                + passphrase.replace("\\", "/") + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ok("exchange", "join", "--data", data.arg(), "--node-dir", path(nodeFolder), "--anchor", path("root/ca.pem"),
                "--directory", path(directory));
        return data;
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.output()).isZero();
        return run;
    }
}
