package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.NodeProcess;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.TestAgreements;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex probe}, {@code release}, {@code release-desk} and {@code protection} on XXB's immigration node's data
 * folder, stopped (as H2 needs): a probe the agreements allow is queued for the serving node and listed; one they
 * refuse exits 1 with the refusal; bad input exits 2 naming the option; a release UTO asked of XXB and held for a
 * person is approved in part at the shell and the answer queued for UTO. Delivery is in ConfirmationApiTest.
 */
class ConfirmationCommandsTest {
    static final String XXB = "XXB/IMM/HQ";
    static final String UTO = "UTO/IMM/HQ";
    static final String PURPOSE = "identity-confirmation";
    @TempDir
    Path dir;
    TestDataFolder immigration;

    @BeforeEach
    void immigrationJoinedWithAnAgreement() throws Exception {
        TestFederation pki = new TestFederation(XXB, UTO);
        immigration = TestDataFolder.create();
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "correct horse battery\n");
        Files.writeString(immigration.path().resolve("ibex.properties"), "pki.passphrase-file="
                + passphrase.toString().replace("\\", "/") + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        pki.node(XXB).save(dir.resolve("xxb-node"), TestFederation.PASSPHRASE);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        CliFederation.ok("exchange", "join", "--data", immigration.arg(), "--node-dir", dir.resolve("xxb-node")
                .toString(), "--anchor", NodeProcess.writeAnchor(dir.resolve("root"), pki.root).toString(),
                "--directory", directory.toString());
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("XXB-UTO-CONFIRM", 1, "XXB/IMM",
                "UTO/IMM", "2020-01-01", "2099-12-31",
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "identity,document-status", PURPOSE, "hit,biometric", 100,
                        30, false, "own-nationals", 48),
                TestAgreements.rule("UTO/IMM", "XXB/IMM", "release", PURPOSE, "biographic,travel-history", 100, 30,
                        true)), XXB, UTO);
        try (Database database = immigration.openDatabase()) {
            Clock clock = Clock.systemUTC();
            new AgreementBook(database, new AccessLog(database, new AuditLog(clock), clock), NodeIdentity.parse(XXB),
                    pki.root::certificate, serial -> false, clock).install(agreement,
                    new Actor(new User("cli:test", Role.ADMIN, null), "agreement", "test"));
        }
    }

    private long count(String sql) {
        try (Database database = immigration.openDatabase()) {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
        }
    }

    private CliRun probe(String... more) {
        String[] base = {"probe", "send", "--data", immigration.arg()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void aProbeTheAgreementAllowsIsQueuedForTheServingNodeAndListed() throws Exception {
        CliRun sent = probe("--partner", UTO, "--purpose", PURPOSE, "--document", "UTO:X1234567", "--case",
                "XB/2026/31");
        assertThat(sent.exit()).as(sent.output()).isZero();
        JsonNode probe = Json.mapper().readTree(sent.out());
        assertThat(probe.path("state").asText()).isEqualTo("pending");
        assertThat(probe.path("query").asText()).isEqualTo("document-status");
        assertThat(probe.path("document").asText()).isEqualTo("UTO X1234567");
        assertThat(probe.path("askedBy").asText()).startsWith("cli:");
        String id = probe.path("id").asText();

        Path nist = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "ansi-nist",
                "type-14-tpcard-nqm.an2");
        CliRun byFile = probe("--partner", UTO, "--purpose", PURPOSE, "--nist", nist.toString());
        assertThat(byFile.exit()).as(byFile.output()).isZero();
        assertThat(Json.mapper().readTree(byFile.out()).path("fingers").asInt())
                .as("the templates of the file's ten single fingers").isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox WHERE recipient = '" + UTO + "'"))
                .as("queued for 'ibex serve' to send").isEqualTo(2);

        CliRun list = CliFederation.ok("probe", "list", "--data", immigration.arg());
        assertThat(list.out()).contains(id, "pending", UTO, PURPOSE, "XB/2026/31");
        assertThat(Json.mapper().readTree(CliFederation.ok("probe", "show", id, "--data", immigration.arg()).out())
                .path("case").asText()).isEqualTo("XB/2026/31");
        CliRun receipt = CliRun.of("probe", "receipt", id, "--out", dir.resolve("r.json").toString(), "--data",
                immigration.arg());
        assertThat(receipt.exit()).as("no answer, no receipt yet").isEqualTo(2);
        assertThat(receipt.err()).contains("no deletion receipt yet");
    }

    @Test
    void aRefusedProbeExitsOneAndBadInputExitsTwoNamingTheOption() {
        CliRun refused = probe("--partner", UTO, "--purpose", "tax-audit", "--document", "UTO:X1234567");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.err()).contains("wrong-purpose");

        String[][] bad = {
                {"--partner", "nowhere", "--purpose", PURPOSE, "--document", "UTO:X1"},
                {"--partner", UTO, "--purpose", PURPOSE},
                {"--partner", UTO, "--purpose", PURPOSE, "--document", "X1234567"},
                {"--partner", UTO, "--purpose", PURPOSE, "--document", "UTO:X1", "--nist", "missing.an2"},
                {"--partner", UTO, "--purpose", PURPOSE, "--nist", dir.resolve("missing.an2").toString()}};
        String[] named = {"--partner", "--identification", "--document", "--document", "--nist"};
        for (int i = 0; i < bad.length; i++) {
            CliRun run = probe(bad[i]);
            assertThat(run.exit()).as(String.join(" ", bad[i]) + "\n" + run.output()).isEqualTo(2);
            assertThat(run.err()).as(run.output()).contains(named[i]);
            assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        }
        CliRun noCategories = CliRun.of("release", "ask", "--probe", "p", "--case", "C", "--purpose", PURPOSE,
                "--data", immigration.arg());
        assertThat(noCategories.exit()).isEqualTo(2);
        assertThat(noCategories.err()).contains("--categories");
        CliRun unknownCategory = CliRun.of("release", "ask", "--probe", "p", "--case", "C", "--purpose", PURPOSE,
                "--categories", "everything", "--data", immigration.arg());
        assertThat(unknownCategory.exit()).as(unknownCategory.output()).isEqualTo(2);
        assertThat(unknownCategory.err()).contains("categories");
        assertThat(CliRun.of("release-desk", "decline", "x", "--data", immigration.arg()).exit())
                .as("--reason is required").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM partner_probe")).isZero();
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox")).isZero();
    }

    @Test
    void aHeldReleaseIsApprovedInPartAtTheShellAndTheAnswerQueuedForThePartner() throws Exception {
        String id = held();
        CliRun queue = CliFederation.ok("release-desk", "list", "--awaiting", "--data", immigration.arg());
        assertThat(queue.out()).contains(id, "awaiting-approval", UTO, "UT/2026/5");

        CliRun approved = CliFederation.ok("release-desk", "approve", id, "--categories", "biographic", "--data",
                immigration.arg());
        JsonNode decision = Json.mapper().readTree(approved.out());
        assertThat(decision.path("state").asText()).isEqualTo("partial");
        assertThat(decision.path("releasedCategories").toString()).isEqualTo("[\"biographic\"]");
        assertThat(decision.path("decidedBy").asText()).startsWith("cli:");
        assertThat(Json.mapper().readTree(CliFederation.ok("release-desk", "decline", id, "--reason", "too late",
                "--data", immigration.arg()).out()).path("state").asText())
                .as("a decision stands: declining afterwards answers as the approval did").isEqualTo("partial");
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox WHERE recipient = '" + UTO + "'"))
                .as("the release is queued for UTO, once").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'partner.release.approve'")).isEqualTo(1);
        assertThat(CliFederation.ok("release-desk", "list", "--awaiting", "--data", immigration.arg()).out())
                .isEmpty();

        CliRun protect = CliFederation.ok("protection", "set", "21", "--reason", "witness", "--data",
                immigration.arg());
        assertThat(Json.mapper().readTree(protect.out()).path("protected").asBoolean()).isTrue();
        assertThat(CliFederation.ok("protection", "remove", "21", "--data", immigration.arg()).out())
                .contains("no longer protected");
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action LIKE 'person.protection.%'")).isEqualTo(2);
    }

    /** A release UTO asked of XXB, held for a person, as the inbox stores one; its person is XXB's own. */
    private String held() {
        String id = UUID.randomUUID().toString();
        try (Database database = immigration.openDatabase()) {
            database.inTransaction(c -> {
                try (PreparedStatement person = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                        + " date_of_birth, nationality, sex, created_at) VALUES (21, 'OKONKWO', 'CHIDI', ?, 'XXB',"
                        + " 'M', ?)")) {
                    Sql.bindAll(person, LocalDate.of(1981, 5, 9), Instant.now());
                    person.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO partner_disclosure(id, requester,"
                        + " person_id, agreement, case_ref, query_type, purpose, categories, state,"
                        + " released_categories, received_at) VALUES (?, ?, 21, 'XXB-UTO-CONFIRM@v1', 'UT/2026/5',"
                        + " 'release', ?, 'biographic,travel-history', 'AWAITING_APPROVAL', '', ?)")) {
                    Sql.bindAll(insert, id, UTO, PURPOSE, Instant.now());
                    return insert.executeUpdate();
                }
            });
        }
        return id;
    }
}
