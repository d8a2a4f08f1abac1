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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex ask}, {@code question}, {@code request} and {@code ledger} on a police node's data folder, stopped (as
 * H2 needs): an allowed question is queued in the outbox for the serving node to send and printed as JSON; one the
 * agreements refuse exits 1 with the refusal; bad input exits 2 naming the option. Delivery from a queued question
 * once the node serves is in InquiryProcessTest.
 */
class InquiryCommandsTest {
    static final String IMM = "UTO/IMM/HQ";
    static final String POL = "UTO/POL/HQ";
    @TempDir
    Path dir;
    TestDataFolder police;

    @BeforeEach
    void policeJoinedWithAnAgreement() throws Exception {
        TestFederation pki = new TestFederation(IMM, POL);
        police = TestDataFolder.create();
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "correct horse battery\n");
        Files.writeString(police.path().resolve("ibex.properties"), "pki.passphrase-file="
                + passphrase.toString().replace("\\", "/") + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        pki.node(POL).save(dir.resolve("pol-node"), TestFederation.PASSPHRASE);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        CliFederation.ok("exchange", "join", "--data", police.arg(), "--node-dir", dir.resolve("pol-node").toString(),
                "--anchor", NodeProcess.writeAnchor(dir.resolve("root"), pki.root).toString(),
                "--directory", directory.toString());
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("UTO-POL-IMM", 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31", TestAgreements.rule("UTO/POL", "UTO/IMM", "crossings",
                        "criminal-investigation", "hit,biographic,travel-history", 100, 30, false)), IMM, POL);
        try (Database database = police.openDatabase()) {
            Clock clock = Clock.systemUTC();
            new AgreementBook(database, new AccessLog(database, new AuditLog(clock), clock), NodeIdentity.parse(POL),
                    pki.root::certificate, serial -> false, clock).install(agreement,
                    new Actor(new User("cli:test", Role.ADMIN, null), "agreement", "test"));
        }
    }

    private long count(String sql) {
        try (Database database = police.openDatabase()) {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
        }
    }

    private CliRun ask(String... more) {
        String[] base = {"ask", "--data", police.arg(), "--query", "crossings"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void anAllowedQuestionIsQueuedForTheServingNodeAndShownListedAndInTheLedger() throws Exception {
        CliRun asked = ask("--purpose", "criminal-investigation", "--categories", "biographic,travel-history",
                "--surname", "Eriksson", "--given-names", "Anna Maria", "--birth-date", "1974-08-12", "--person", "42");
        assertThat(asked.exit()).as(asked.output()).isZero();
        JsonNode question = Json.mapper().readTree(asked.out());
        assertThat(question.path("state").asText()).isEqualTo("pending");
        assertThat(question.path("answerer").asText()).as("the agreement names immigration").isEqualTo(IMM);
        assertThat(question.path("askedBy").asText()).startsWith("cli:");
        String id = question.path("id").asText();
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox")).as("queued for 'ibex serve' to send").isEqualTo(1);

        CliRun list = CliFederation.ok("question", "list", "--data", police.arg());
        assertThat(list.out()).contains(id, "pending", IMM, "ERIKSSON");
        CliRun show = CliFederation.ok("question", "show", id, "--data", police.arg());
        assertThat(Json.mapper().readTree(show.out()).path("purpose").asText()).isEqualTo("criminal-investigation");

        JsonNode ledger = Json.mapper().readTree(CliFederation.ok("ledger", "--data", police.arg()).out());
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).path("direction").asText()).isEqualTo("sent");
        assertThat(ledger.get(0).path("kind").asText()).isEqualTo("question");
        assertThat(ledger.get(0).path("questionId").asText()).isEqualTo(id);
        String[] csv = CliFederation.ok("ledger", "--data", police.arg(), "--person", "42", "--format", "csv").out()
                .split("\r\n");
        assertThat(csv).hasSize(2);
        assertThat(csv[0]).isEqualTo("at,direction,kind,counterpart,agreement,purpose,categories,questionId,subject");
        assertThat(csv[1]).contains("sent,question," + IMM + ",UTO-POL-IMM@v1,criminal-investigation", id);
        assertThat(CliFederation.ok("ledger", "--data", police.arg(), "--person", "43", "--format", "csv").out()
                .split("\r\n")).as("another person's ledger is the header alone").hasSize(1);
    }

    @Test
    void aQuestionTheAgreementsRefuseExitsOneWithTheReasonAuditedAndNothingQueued() {
        CliRun refused = ask("--purpose", "tax-audit", "--document", "L898902C3", "--issuing-state", "UTO");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.err()).contains("wrong-purpose");
        CliRun biometric = ask("--purpose", "criminal-investigation", "--categories", "biometric", "--document", "X1");
        assertThat(biometric.exit()).as(biometric.output()).isEqualTo(1);
        assertThat(biometric.err()).contains("category-not-allowed");
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'agency.question.refused'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox")).isZero();
        assertThat(count("SELECT COUNT(*) FROM agency_question")).isZero();
    }

    @Test
    void badInputExitsTwoNamingTheOptionWithoutAStackTrace() {
        String[][] bad = {
                {"--purpose", "criminal-investigation", "--surname", "Eriksson"},
                {"--purpose", "criminal-investigation", "--surname", "Eriksson", "--birth-date", "1974-13-45"},
                {"--purpose", "criminal-investigation", "--document", "<script>"},
                {"--purpose", "criminal-investigation", "--categories", "everything", "--document", "X1"},
                {"--purpose", "criminal-investigation", "--answerer", "nowhere", "--document", "X1"},
                {"--purpose", "criminal-investigation", "--answerer", "XXA/CUS/HQ", "--document", "X1"},
                {"--purpose", "Criminal Investigation", "--document", "X1"},
                {"--document", "X1"}};
        for (String[] args : bad) {
            CliRun run = ask(args);
            assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.output()).isEqualTo(2);
            assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        }
        CliRun query = CliRun.of("ask", "--data", police.arg(), "--query", "horoscope", "--purpose", "p-p",
                "--document", "X1");
        assertThat(query.exit()).isEqualTo(2);
        assertThat(query.err()).contains("--query", "crossings, presence, wanted, identity");
        CliRun unknown = CliRun.of("question", "show", "no-such-question", "--data", police.arg());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no question no-such-question");
        CliRun approve = CliRun.of("request", "approve", "no-such-question", "--data", police.arg());
        assertThat(approve.exit()).isEqualTo(2);
        assertThat(approve.err()).contains("was received");
        assertThat(CliRun.of("request", "decline", "x", "--data", police.arg()).exit())
                .as("--reason is required").isEqualTo(2);
        assertThat(CliRun.of("ledger", "--data", police.arg(), "--format", "xml").exit()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM agency_question")).isZero();
        assertThat(CliFederation.ok("request", "list", "--data", police.arg()).out()).isEmpty();
    }

    @Test
    void aSupervisorsDecisionsAtTheShellAreQueuedForTheAskerAndAnApprovalChecksTheAgreementAgain() throws Exception {
        String declined = held();
        String approved = held();
        CliRun queue = CliFederation.ok("request", "list", "--awaiting", "--data", police.arg());
        assertThat(queue.out()).contains(declined, approved, "awaiting-approval", IMM);

        CliRun decline = CliFederation.ok("request", "decline", declined, "--reason", "not for this purpose",
                "--data", police.arg());
        JsonNode refused = Json.mapper().readTree(decline.out());
        assertThat(refused.path("state").asText()).isEqualTo("refused");
        assertThat(refused.path("refusal").asText()).isEqualTo("declined: not for this purpose");
        assertThat(Json.mapper().readTree(CliFederation.ok("request", "decline", declined, "--reason", "changed mind",
                "--data", police.arg()).out())).as("declining again answers as the first decline").isEqualTo(refused);

        // The agreement installed here lets the police ask immigration, not immigration the police.
        JsonNode checked = Json.mapper().readTree(CliFederation.ok("request", "approve", approved, "--data",
                police.arg()).out());
        assertThat(checked.path("state").asText()).isEqualTo("refused");
        assertThat(checked.path("outcome").isNull()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM exchange_outbox WHERE recipient = '" + IMM + "'"))
                .as("each decision is queued for the asker, once").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM disclosure")).as("nothing was released").isZero();
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'agency.request.decline'")).isEqualTo(1);
        assertThat(CliFederation.ok("request", "list", "--awaiting", "--data", police.arg()).out()).isEmpty();
    }

    /** A question immigration asked that waits in the police node's approval queue, as the inbox stores one. */
    private String held() {
        String id = java.util.UUID.randomUUID().toString();
        try (Database database = police.openDatabase()) {
            database.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO agency_request(question_id, asker,"
                        + " agreement_id, agreement_version, query_type, purpose, categories, subject, subject_label,"
                        + " received_at, state) VALUES (?, ?, 'UTO-POL-IMM', 1, 'wanted', 'border-inspection', 'hit',"
                        + " ?, 'ERIKSSON (1974-08-12)', ?, 'AWAITING_APPROVAL')")) {
                    org.ibex.store.Sql.bindAll(insert, id, IMM, "{\"surname\":\"ERIKSSON\",\"birthDate\":\"1974-08-12\"}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Instant.now());
                    return insert.executeUpdate();
                }
            });
        }
        return id;
    }

    @Test
    void aNodeOutsideAnyFederationSaysHowToJoin() {
        TestDataFolder alone = TestDataFolder.create();
        CliRun run = CliRun.of("ask", "--data", alone.arg(), "--query", "crossings", "--purpose",
                "criminal-investigation", "--document", "X1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("has not joined a federation", "ibex exchange join");
    }
}
