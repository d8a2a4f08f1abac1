package org.ibex.cli;

import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Revocation;
import org.ibex.trust.RevocationReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class PkiCommandTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void buildsAFederationFromRootToSignedDirectory() throws Exception {
        Path passphrase = passphraseFile();
        run("pki", "init-root", "--out", dir.resolve("root").toString(), "--name", "Federation root",
                "--passphrase-file", passphrase.toString());
        run("pki", "init-state", "--root", dir.resolve("root").toString(), "--state", "UTO",
                "--out", dir.resolve("uto").toString(), "--passphrase-file", passphrase.toString());
        CliRun issued = run("pki", "issue", "--ca", dir.resolve("uto").toString(), "--node", "UTO/IMM/POST-ARL",
                "--endpoint", "https://127.0.0.1:9443", "--out", dir.resolve("post").toString(), "--days", "30",
                "--passphrase-file", passphrase.toString());
        run("pki", "issue", "--ca", dir.resolve("uto").toString(), "--node", "UTO/POLICE/HQ",
                "--endpoint", "https://127.0.0.1:9444", "--out", dir.resolve("hq").toString(),
                "--passphrase-file", passphrase.toString());
        String hqSerial = certificate(dir.resolve("hq")).getSerialNumber().toString(16);
        CliRun revoked = run("pki", "revoke", "--ca", dir.resolve("uto").toString(), "--serial", hqSerial,
                "--reason", "keyCompromise");
        CliRun written = run("pki", "directory", "--ca", dir.resolve("uto").toString(),
                "--out", dir.resolve("directory.json").toString(), "--passphrase-file", passphrase.toString());

        assertThat(issued.out()).contains("issued UTO/IMM/POST-ARL serial");
        assertThat(revoked.out()).contains("revoked " + hqSerial + " (keyCompromise)");
        assertThat(written.out()).contains("wrote directory 1").contains("1 nodes, 1 revocations");
        assertThat(issued.out() + written.out()).doesNotContain(SECRET);
        FederationDirectory directory = verifiedDirectory();
        assertThat(directory.nodes()).extracting(e -> e.node().toString()).containsExactly("UTO/IMM/POST-ARL");
        assertThat(directory.revocations()).extracting(Revocation::serialHex, Revocation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hqSerial, RevocationReason.KEY_COMPROMISE));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("post/node.p12"))) {
            store.load(in, SECRET.toCharArray());
        }
        assertThat(store.isKeyEntry("node")).as("node.p12 is a Java key store with alias 'node'").isTrue();
    }

    @Test
    void renewIssuesANewKeyForTheSameNodeAndSupersedesTheOld() throws Exception {
        Path passphrase = stateCaWithPost();
        X509Certificate before = certificate(dir.resolve("post"));

        CliRun renewed = run("pki", "renew", "--ca", dir.resolve("uto").toString(),
                "--node-dir", dir.resolve("post").toString(), "--passphrase-file", passphrase.toString());

        X509Certificate after = certificate(dir.resolve("post"));
        assertThat(after.getSubjectX500Principal()).isEqualTo(before.getSubjectX500Principal());
        assertThat(after.getPublicKey()).as("a new key").isNotEqualTo(before.getPublicKey());
        assertThat(renewed.out()).contains("revoked previous certificate " + before.getSerialNumber().toString(16)
                + " as superseded");
        run("pki", "directory", "--ca", dir.resolve("uto").toString(), "--out", dir.resolve("directory.json")
                .toString(), "--passphrase-file", passphrase.toString());
        FederationDirectory directory = verifiedDirectory();
        assertThat(directory.node(NodeIdentity.parse("UTO/IMM/POST-ARL")).orElseThrow().serial())
                .isEqualTo(after.getSerialNumber());
        assertThat(directory.revokedSerials()).containsExactly(before.getSerialNumber());
    }

    @Test
    void directoryListsNodesFromOtherFoldersAndCountsUp() throws Exception {
        Path passphrase = stateCaWithPost();
        run("pki", "init-state", "--root", dir.resolve("root").toString(), "--state", "XXB",
                "--out", dir.resolve("xxb").toString(), "--passphrase-file", passphrase.toString());
        run("pki", "issue", "--ca", dir.resolve("xxb").toString(), "--node", "XXB/IMM/HQ",
                "--endpoint", "https://xxb-hq.test:9443", "--out", dir.resolve("xxb-hq").toString(),
                "--passphrase-file", passphrase.toString());

        run("pki", "directory", "--ca", dir.resolve("uto").toString(), "--out", dir.resolve("first.json").toString(),
                "--passphrase-file", passphrase.toString());
        run("pki", "directory", "--ca", dir.resolve("uto").toString(), "--nodes-from",
                dir.resolve("xxb-hq").toString(), "--out", dir.resolve("directory.json").toString(),
                "--passphrase-file", passphrase.toString());

        FederationDirectory directory = verifiedDirectory();
        assertThat(directory.sequence()).isEqualTo(2);
        assertThat(directory.nodes()).extracting(e -> e.node().toString())
                .containsExactly("UTO/IMM/POST-ARL", "XXB/IMM/HQ");
    }

    @Test
    void refusesToWriteKeysWithoutAPassphrase() {
        assumeThat(System.getenv("IBEX_PKI_PASSPHRASE")).as("the environment must not provide one").isNull();

        CliRun run = CliRun.of("pki", "init-root", "--out", dir.resolve("root").toString(), "--name", "Root");

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.err()).contains("set IBEX_PKI_PASSPHRASE or give --passphrase-file");
        assertThat(run.printedStackTrace()).isFalse();
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void explainsBadInputWithoutStackTraces() throws Exception {
        Path passphrase = stateCaWithPost();
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not the right passphrase\n");

        CliRun badNode = CliRun.of("pki", "issue", "--ca", dir.resolve("uto").toString(), "--node", "UTO/imm/X",
                "--endpoint", "https://127.0.0.1:9443", "--out", dir.resolve("x").toString(),
                "--passphrase-file", passphrase.toString());
        CliRun badReason = CliRun.of("pki", "revoke", "--ca", dir.resolve("uto").toString(), "--serial", "abc",
                "--reason", "lost");
        CliRun wrongPassphrase = CliRun.of("pki", "directory", "--ca", dir.resolve("uto").toString(),
                "--out", dir.resolve("d.json").toString(), "--passphrase-file", wrong.toString());
        CliRun again = CliRun.of("pki", "init-root", "--out", dir.resolve("root").toString(), "--name", "Again",
                "--passphrase-file", passphrase.toString());

        assertThat(badNode.err()).contains("node id agency 'imm' must be 1 to 20 characters of A-Z, 0-9 and -");
        assertThat(badReason.err()).contains("must be one of keyCompromise, superseded, cessationOfOperation");
        assertThat(wrongPassphrase.err()).contains("wrong passphrase");
        assertThat(again.err()).contains("already holds a CA");
        for (CliRun run : List.of(badNode, badReason, wrongPassphrase, again)) {
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        }
    }

    private Path stateCaWithPost() throws Exception {
        Path passphrase = passphraseFile();
        run("pki", "init-root", "--out", dir.resolve("root").toString(), "--name", "Federation root",
                "--passphrase-file", passphrase.toString());
        run("pki", "init-state", "--root", dir.resolve("root").toString(), "--state", "UTO",
                "--out", dir.resolve("uto").toString(), "--passphrase-file", passphrase.toString());
        run("pki", "issue", "--ca", dir.resolve("uto").toString(), "--node", "UTO/IMM/POST-ARL",
                "--endpoint", "https://127.0.0.1:9443", "--out", dir.resolve("post").toString(),
                "--passphrase-file", passphrase.toString());
        return passphrase;
    }

    private Path passphraseFile() throws Exception {
        return Files.writeString(dir.resolve("passphrase.txt"), SECRET + "\n");
    }

    private FederationDirectory verifiedDirectory() throws Exception {
        X509Certificate anchor = certificates(dir.resolve("root/ca.pem")).get(0);
        return FederationDirectory.verify(Files.readAllBytes(dir.resolve("directory.json")), anchor, Clock.systemUTC());
    }

    private static X509Certificate certificate(Path nodeFolder) throws Exception {
        return certificates(nodeFolder.resolve("node.pem")).get(0);
    }

    private static List<X509Certificate> certificates(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.output()).isZero();
        return run;
    }
}
