package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.cli.CliFederation.ok;

/** An operator installs a newer federation directory into a node that has joined, and only a valid newer one. */
class ExchangeDirectoryCommandTest {
    @TempDir
    Path dir;

    @Test
    void installsANewerDirectoryAndRefusesOlderForgedOrOnesThatDropThisNode() throws Exception {
        CliFederation pki = new CliFederation(dir);
        String pass = pki.passphrase();
        pki.issue("UTO/IMM/POST-ARL", "https://127.0.0.1:9443", "post");
        pki.issue("UTO/POLICE/HQ", "https://127.0.0.1:9444", "hq");
        pki.directory("first.json");
        TestDataFolder data = pki.joined("post", "first.json");
        String hqSerial = pki.revoke("hq");
        pki.directory("second.json");

        CliRun installed = ok("exchange", "directory", "--data", data.arg(), "--install", pki.path("second.json"));

        assertThat(installed.out()).contains("installed directory 2 (was 1)")
                .contains("revoked " + hqSerial + " (KEY_COMPROMISE");
        assertThat(ok("exchange", "directory", "--data", data.arg()).out()).startsWith("directory 2 issued by");
        assertThat(ok("exchange", "directory", "--data", data.arg(), "--install", pki.path("second.json")).out())
                .contains("directory 2 is already in force");

        Files.writeString(dir.resolve("garbage.json"), "{\"payload\": [1, 2");
        ok("pki", "renew", "--ca", pki.path("uto"), "--node-dir", pki.path("post"), "--passphrase-file", pass);
        pki.directory("third.json");
        CliRun older = CliRun.of("exchange", "directory", "--data", data.arg(), "--install", pki.path("first.json"));
        CliRun garbage = CliRun.of("exchange", "directory", "--data", data.arg(), "--install", pki.path("garbage.json"));
        CliRun dropsThisNode = CliRun.of("exchange", "directory", "--data", data.arg(), "--install",
                pki.path("third.json"));

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
}
