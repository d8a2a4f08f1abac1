package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator installs a newer federation directory into a node that has joined, and only a valid newer one. */
class ExchangeDirectoryCommandTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void installsANewerDirectoryAndRefusesOlderForgedOrOnesThatDropThisNode() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), SECRET + "\n");
        String pass = passphrase.toString();
        ok("pki", "init-root", "--out", path("root"), "--name", "Federation root", "--passphrase-file", pass);
        ok("pki", "init-state", "--root", path("root"), "--state", "UTO", "--out", path("uto"),
                "--passphrase-file", pass);
        ok("pki", "issue", "--ca", path("uto"), "--node", "UTO/IMM/POST-ARL", "--endpoint", "https://127.0.0.1:9443",
                "--out", path("post"), "--passphrase-file", pass);
        ok("pki", "issue", "--ca", path("uto"), "--node", "UTO/POLICE/HQ", "--endpoint", "https://127.0.0.1:9444",
                "--out", path("hq"), "--passphrase-file", pass);
        ok("pki", "directory", "--ca", path("uto"), "--out", path("first.json"), "--passphrase-file", pass);
        TestDataFolder data = TestDataFolder.create();
        Files.writeString(data.path().resolve("ibex.properties"), "pki.passphrase-file=" + pass.replace("\\", "/")
                + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ok("exchange", "join", "--data", data.arg(), "--node-dir", path("post"), "--anchor", path("root/ca.pem"),
                "--directory", path("first.json"));
        String hqSerial = NodeFolders.serial(dir.resolve("hq"));
        ok("pki", "revoke", "--ca", path("uto"), "--serial", hqSerial, "--reason", "keyCompromise");
        ok("pki", "directory", "--ca", path("uto"), "--out", path("second.json"), "--passphrase-file", pass);

        CliRun installed = ok("exchange", "directory", "--data", data.arg(), "--install", path("second.json"));

        assertThat(installed.out()).contains("installed directory 2 (was 1)")
                .contains("revoked " + hqSerial + " (KEY_COMPROMISE");
        assertThat(ok("exchange", "directory", "--data", data.arg()).out()).startsWith("directory 2 issued by");
        assertThat(ok("exchange", "directory", "--data", data.arg(), "--install", path("second.json")).out())
                .contains("directory 2 is already in force");

        Files.writeString(dir.resolve("garbage.json"), "{\"payload\": [1, 2");
        ok("pki", "renew", "--ca", path("uto"), "--node-dir", path("post"), "--passphrase-file", pass);
        ok("pki", "directory", "--ca", path("uto"), "--out", path("third.json"), "--passphrase-file", pass);
        CliRun older = CliRun.of("exchange", "directory", "--data", data.arg(), "--install", path("first.json"));
        CliRun garbage = CliRun.of("exchange", "directory", "--data", data.arg(), "--install", path("garbage.json"));
        CliRun dropsThisNode = CliRun.of("exchange", "directory", "--data", data.arg(), "--install",
                path("third.json"));

        assertThat(older.err()).contains("rollback").contains("older than the accepted sequence 2");
        assertThat(garbage.err()).contains("malformed");
        assertThat(dropsThisNode.err()).contains("does not accept this node's certificate");
        for (CliRun refused : List.of(older, garbage, dropsThisNode)) {
            assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
            assertThat(refused.printedStackTrace()).as(refused.output()).isFalse();
        }
        assertThat(ok("exchange", "directory", "--data", data.arg()).out()).as("still the second")
                .startsWith("directory 2 issued by");
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.output()).isZero();
        return run;
    }
}
