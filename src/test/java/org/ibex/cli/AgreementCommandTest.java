package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex agreement} as two agencies' operators use it: draft, sign at each party, verify, install, list, revoke;
 * verify's exit code tells a valid file (0) from an invalid one (1) and input it cannot use (2).
 */
class AgreementCommandTest {
    private static final String NOWHERE = "https://127.0.0.1:9";
    private static final String RULE = "asker=UTO/POL;answerer=UTO/IMM;queries=crossings;"
            + "purposes=criminal-investigation;categories=hit,biographic,travel-history;per-day=100;per-year=10000;"
            + "retention-days=90;approval=false";

    @TempDir
    Path dir;

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private CliRun draft(String out, String... more) {
        String[] base = {"agreement", "draft", "--id", "UTO-POL-IMM", "--title", "Police questions to immigration",
                "--parties", "UTO/POL,UTO/IMM", "--from", "2026-01-01", "--until", "2027-12-31", "--rule", RULE,
                "--out", out};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void twoAgenciesDraftSignVerifyInstallListAndRevokeAnAgreement() throws Exception {
        CliFederation pki = new CliFederation(dir);
        pki.issue("UTO/POL/HQ", NOWHERE, "police");
        pki.issue("UTO/IMM/HQ", NOWHERE, "immigration");
        pki.directory("directory.json");
        TestDataFolder police = pki.joined("police", "directory.json");
        TestDataFolder immigration = pki.joined("immigration", "directory.json");
        String agreement = file("agreement.json");

        CliRun drafted = draft(agreement);
        assertThat(drafted.exit()).as(drafted.output()).isZero();
        CliRun unsigned = CliRun.of("agreement", "verify", agreement, "--data", police.arg());
        assertThat(unsigned.exit()).as("a draft is not yet an agreement: " + unsigned.output()).isEqualTo(1);
        assertThat(unsigned.err()).contains("invalid: signatures:", "UTO/POL has not signed");

        CliFederation.ok("agreement", "sign", agreement, "--data", police.arg());
        CliRun halfSigned = CliRun.of("agreement", "verify", agreement, "--data", police.arg());
        assertThat(halfSigned.exit()).isEqualTo(1);
        assertThat(halfSigned.err()).contains("UTO/IMM has not signed");
        CliRun signed = CliFederation.ok("agreement", "sign", agreement, "--data", immigration.arg(), "--out",
                file("signed.json"));
        assertThat(signed.out()).contains("for UTO/IMM as UTO/IMM/HQ", "2 of 2 parties have signed");

        CliRun valid = CliFederation.ok("agreement", "verify", file("signed.json"), "--data", immigration.arg());
        assertThat(valid.out()).contains("valid: UTO-POL-IMM@v1", "signed for UTO/POL by UTO/POL/HQ",
                "signed for UTO/IMM by UTO/IMM/HQ", "in force: 2026-01-01 to 2027-12-31",
                "rule 1: UTO/POL asks UTO/IMM [crossings] for [criminal-investigation]", "100 a day, 10000 a year",
                "kept 90 days");
        CliFederation.ok("agreement", "verify", file("signed.json"), "--anchor", pki.path("root/ca.pem"));

        String text = Files.readString(dir.resolve("signed.json"));
        Files.writeString(dir.resolve("tampered.json"), text.replace("\"perDay\" : 100", "\"perDay\" : 1000"));
        CliRun tampered = CliRun.of("agreement", "verify", file("tampered.json"), "--data", police.arg());
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.err()).contains("invalid: signatures[0]:", "changed after signing");

        CliRun installed = CliFederation.ok("agreement", "install", file("signed.json"), "--data",
                immigration.arg());
        assertThat(installed.out()).contains("installed UTO-POL-IMM@v1  IN_FORCE");
        CliFederation.ok("agreement", "install", file("signed.json"), "--data", immigration.arg());
        CliRun refused = CliRun.of("agreement", "install", file("tampered.json"), "--data", immigration.arg());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.printedStackTrace()).isFalse();

        CliRun listed = CliFederation.ok("agreement", "list", "--data", immigration.arg());
        assertThat(listed.out()).contains("UTO-POL-IMM@v1  IN_FORCE", "signed: UTO/POL by UTO/POL/HQ",
                        "UTO/POL asks UTO/IMM (answerer here): today 0 of 100, this year 0 of 10000, kept 90 days")
                .as("installed twice, listed once").containsOnlyOnce("UTO-POL-IMM@v1");

        CliRun noReason = CliRun.of("agreement", "revoke", "UTO-POL-IMM", "--reason", " ", "--data",
                immigration.arg());
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("reason is required");
        CliRun revoked = CliFederation.ok("agreement", "revoke", "UTO-POL-IMM", "--reason", "court ruling",
                "--data", immigration.arg());
        assertThat(revoked.out()).contains("UTO-POL-IMM@v1  REVOKED", "ended: court ruling");
    }

    @Test
    void theSchemaPrintsFromTheJar() {
        CliRun schema = CliFederation.ok("agreement", "schema");

        assertThat(schema.out()).contains("\"$id\": \"urn:ibex:schema:agreement:1\"", "\"perDay\"");
    }

    @Test
    void aDraftWithABrokenRuleNamesTheRuleAndTheKey() {
        CliRun run = CliRun.of("agreement", "draft", "--id", "UTO-POL-IMM", "--title", "t", "--parties",
                "UTO/POL,UTO/IMM", "--from", "2026-01-01", "--until", "2027-12-31", "--rule",
                RULE.replace("per-day=100", "per-day=lots"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--rule 1", "per-day must be a whole number");
        assertThat(run.printedStackTrace()).isFalse();
    }

    @Test
    void aDraftThatBreaksAFileRuleNamesTheField() {
        CliRun run = draft(file("bad.json"), "--version", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("agreement.version");
        assertThat(Files.exists(dir.resolve("bad.json"))).as("nothing written").isFalse();
    }

    @Test
    void aDraftWithABadPartyOrDateIsBadInput() {
        CliRun party = CliRun.of("agreement", "draft", "--id", "UTO-POL-IMM", "--title", "t", "--parties",
                "police,UTO/IMM", "--from", "2026-01-01", "--until", "2027-12-31", "--rule", RULE);
        CliRun date = CliRun.of("agreement", "draft", "--id", "UTO-POL-IMM", "--title", "t", "--parties",
                "UTO/POL,UTO/IMM", "--from", "1 January", "--until", "2027-12-31", "--rule", RULE);

        assertThat(party.exit()).isEqualTo(2);
        assertThat(party.err()).contains("--parties", "UTO/POL");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("1 January");
    }

    @Test
    void verifyCallsInputItCannotUseUnusable() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "we agreed on the phone");
        Files.write(dir.resolve("huge.json"), new byte[300 * 1024]);
        draft(file("draft.json"));
        TestDataFolder notJoined = TestDataFolder.create();

        for (String[] args : new String[][]{
                {"agreement", "verify", file("notes.txt"), "--anchor", file("notes.txt")},
                {"agreement", "verify", file("missing.json"), "--anchor", file("notes.txt")},
                {"agreement", "verify", file("huge.json"), "--anchor", file("notes.txt")},
                {"agreement", "verify", file("draft.json"), "--anchor", file("notes.txt")},
                {"agreement", "verify", file("draft.json"), "--anchor", file("missing.pem")},
                {"agreement", "verify", file("draft.json"), "--data", notJoined.arg()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.output()).isEqualTo(2);
            assertThat(run.err()).startsWith("ibex: unusable: ");
            assertThat(run.printedStackTrace()).isFalse();
        }
    }

    @Test
    void aNodeThatHasNotJoinedCannotSignOrInstall() {
        draft(file("draft.json"));
        TestDataFolder notJoined = TestDataFolder.create();

        CliRun sign = CliRun.of("agreement", "sign", file("draft.json"), "--data", notJoined.arg());
        CliRun install = CliRun.of("agreement", "install", file("draft.json"), "--data", notJoined.arg());

        assertThat(sign.exit()).isEqualTo(2);
        assertThat(sign.err()).contains("has not joined a federation");
        assertThat(install.exit()).isEqualTo(2);
        assertThat(install.err()).contains("has not joined a federation");
    }
}
