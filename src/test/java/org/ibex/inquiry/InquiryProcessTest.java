package org.ibex.inquiry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.TestAccounts;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.NodeProcess;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance floor with each agency as its own {@code ibex serve} JVM: police (UTO/POL/HQ) asks
 * immigration (UTO/IMM/HQ) over mutual TLS. What the agreements allow is answered and written once in each ledger;
 * what they do not is refused at the police node (403, audited, nothing queued); what a test forces past the police
 * node is refused at immigration without data and audited at both; an answer past its retention is deleted by the
 * sweep of the restarted node, and the deletion audited. Runs on H2, or on PostgreSQL with IBEX_TEST_JDBC_URL.
 */
class InquiryProcessTest {
    static final String IMM = "UTO/IMM/HQ";
    static final String POL = "UTO/POL/HQ";
    /** Customs and labour are in the directory but never run: nothing may ever be queued for them. */
    static final String CUS = "UTO/CUS/HQ";
    static final String LAB = "UTO/LAB/HQ";
    static final String DETECTIVE = "detective";
    static final String PASSWORD = "a long enough detective password";
    static final Actor ADMIN = new Actor(new User("cli:test", Role.ADMIN, null), "agreements installed", "test");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANNA = "{\"surname\":\"ERIKSSON\",\"givenNames\":\"ANNA MARIA\",\"birthDate\":\"1974-08-12\"}";

    @TempDir
    Path dir;
    NodeProcess immigration;
    NodeProcess police;
    TestFederation pki;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token;

    @AfterEach
    void stop() {
        for (NodeProcess node : new NodeProcess[]{immigration, police}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void questionsBetweenTwoNodeProcessesAreAnsweredRefusedAtEitherEndAndDeletedWhenTheirRetentionEnds()
            throws Exception {
        // Given two stopped nodes with their agreements installed and Anna's crossing at immigration, which starts
        // while two questions are forced into the police outbox past its own checks and one is asked at its shell
        setUp();
        immigration.launch();
        Map<String, String> forced = force(Map.of("tax-audit", "wrong-purpose", "0".repeat(64), "tampered"));
        assertThat(police.command("ask", "--data", police.data.toString(), "--query", "crossings", "--purpose",
                "criminal-investigation", "--answerer", IMM, "--document", "L898902C3", "--issuing-state", "UTO"))
                .as("ibex ask queues the question\n" + police.logTail()).isZero();

        // When both serve
        police.launch();
        immigration.awaitStarted();
        police.awaitStarted();

        // (a) an allowed question is answered with what the agreement releases
        JsonNode asked = ask(201, "crossings", "criminal-investigation", "[\"biographic\",\"travel-history\"]", IMM);
        String allowed = asked.path("id").asText();
        JsonNode answered = awaitDecided(allowed);
        assertThat(answered.path("state").asText()).isEqualTo("answered");
        assertThat(answered.path("outcome").asText()).isEqualTo("hit");
        assertThat(answered.at("/answer/crossings/0/direction").asText()).isEqualTo("ENTRY");

        // (b) refused at the sender: 403 with the refusal, nothing queued
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("wrong-purpose", refusal("crossings", "tax-audit", "[]", IMM));
        refusals.put("category-not-allowed", refusal("crossings", "criminal-investigation", "[\"biometric\"]", IMM));
        String quotaUsed = ask(201, "wanted", "border-inspection", "[]", IMM).path("id").asText();
        refusals.put("quota-exhausted", refusal("wanted", "border-inspection", "[]", IMM));
        refusals.put("expired", refusal("crossings", "criminal-investigation", "[]", CUS));
        refusals.put("revoked", refusal("crossings", "criminal-investigation", "[]", LAB));
        refusals.forEach((expected, actual) -> assertThat(actual).as("refusal at the sender").isEqualTo(expected));

        // (c) refused at the receiver: forced past the sender, or revoked at immigration only
        String revokedThere = ask(201, "presence", "criminal-investigation", "[]", IMM).path("id").asText();
        Map<String, String> refusedThere = new LinkedHashMap<>(forced);
        refusedThere.put(revokedThere, "revoked");
        for (Map.Entry<String, String> question : refusedThere.entrySet()) {
            JsonNode refused = awaitDecided(question.getKey());
            assertThat(refused.path("state").asText()).as(question.getValue()).isEqualTo("refused");
            assertThat(refused.path("refusal").asText()).startsWith(question.getValue());
            assertThat(refused.path("answer").isNull()).as("a refused answer carries no data").isTrue();
            assertThat(refused.path("outcome").isNull()).isTrue();
        }
        assertThat(awaitDecided(quotaUsed).path("state").asText()).isEqualTo("answered");
        JsonNode fromShell = awaitShellQuestion();
        assertThat(fromShell.path("outcome").asText()).as("the question asked at the shell left once the node served")
                .isEqualTo("hit");
        NodeProcess.stopAll(immigration, police);

        // Then each side's records say so, once
        assertThat(countAt(police, "SELECT COUNT(*) FROM disclosure WHERE question_id = ?", allowed)).isEqualTo(2);
        assertThat(countAt(police, "SELECT COUNT(*) FROM disclosure WHERE question_id = ? AND direction = 'SENT'"
                + " AND kind = 'QUESTION'", allowed)).isEqualTo(1);
        assertThat(countAt(police, "SELECT COUNT(*) FROM disclosure WHERE question_id = ? AND direction = 'RECEIVED'"
                + " AND kind = 'ANSWER' AND categories LIKE '%travel-history%'", allowed)).isEqualTo(1);
        assertThat(countAt(immigration, "SELECT COUNT(*) FROM disclosure WHERE question_id = ?", allowed)).isEqualTo(2);
        assertThat(countAt(immigration, "SELECT COUNT(*) FROM disclosure WHERE question_id = ? AND person_id = 7"
                + " AND direction = 'RECEIVED' AND kind = 'QUESTION'", allowed)).isEqualTo(1);
        assertThat(countAt(immigration, "SELECT COUNT(*) FROM disclosure WHERE question_id = ? AND person_id = 7"
                + " AND direction = 'SENT' AND kind = 'ANSWER'", allowed)).isEqualTo(1);

        for (String code : refusals.keySet()) {
            assertThat(countAt(police, "SELECT COUNT(*) FROM access_log WHERE action = 'agency.question.refused'"
                    + " AND actor = ? AND subject LIKE ?", DETECTIVE, "% " + code)).as(code).isEqualTo(1);
        }
        assertThat(countAt(police, "SELECT COUNT(*) FROM exchange_outbox WHERE recipient IN (?, ?)", CUS, LAB))
                .as("nothing was queued for the agencies every question to was refused").isZero();
        assertThat(countAt(police, "SELECT COUNT(*) FROM agency_question")).as("allowed, quota's first, revoked"
                + " there, two forced, one from the shell: refused questions are not kept").isEqualTo(6);
        assertThat(countAt(police, "SELECT COUNT(*) FROM exchange_outbox WHERE recipient = ?", IMM))
                .as("one message per question kept, none for the refused ones").isGreaterThanOrEqualTo(6);

        for (Map.Entry<String, String> question : refusedThere.entrySet()) {
            String id = question.getKey();
            assertThat(countAt(immigration, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.refused'"
                    + " AND subject = ?", id)).as("audited at the receiver: " + question.getValue()).isEqualTo(1);
            assertThat(countAt(police, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'agency.answer.refused'"
                    + " AND subject = ?", id)).as("audited at the sender: " + question.getValue()).isEqualTo(1);
            assertThat(countAt(immigration, "SELECT COUNT(*) FROM agency_request WHERE question_id = ?"
                    + " AND state = 'REFUSED' AND subject IS NULL", id)).as(question.getValue()).isEqualTo(1);
            assertThat(countAt(immigration, "SELECT COUNT(*) FROM disclosure WHERE question_id = ?", id))
                    .as("nothing of a refused question was disclosed").isZero();
            assertThat(countAt(police, "SELECT COUNT(*) FROM agency_question WHERE question_id = ? AND answer IS NULL",
                    id)).isEqualTo(1);
        }

        // (d) retention: the answer's retention ran out while the police node was stopped
        try (Database database = Database.open(police.store)) {
            database.inTransaction(c -> {
                try (PreparedStatement age = c.prepareStatement("UPDATE agency_question SET retain_until = ?"
                        + " WHERE question_id = ?")) {
                    Sql.bindAll(age, Instant.now().minusSeconds(1), allowed);
                    return age.executeUpdate();
                }
            });
        }
        police.start();
        token = null;
        RunningNodes.await("the sweep deletes the answer past its retention", () -> "deleted".equals(
                get("/api/questions/" + allowed).path("state").asText()));
        police.stop();
        assertThat(countAt(police, "SELECT COUNT(*) FROM agency_question WHERE question_id = ? AND state = 'DELETED'"
                + " AND answer IS NULL AND subject IS NULL AND outcome IS NULL", allowed)).isEqualTo(1);
        assertThat(countAt(police, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.retention.delete'"
                + " AND subject = ?", allowed)).isEqualTo(1);
        assertThat(countAt(police, "SELECT COUNT(*) FROM agency_question WHERE state = 'DELETED'"))
                .as("only the answer whose retention ran out").isEqualTo(1);
        assertThat(countAt(police, "SELECT COUNT(*) FROM disclosure WHERE question_id = ?", allowed))
                .as("the ledger outlives the data").isEqualTo(2);
    }

    /** Two joined, stopped nodes with their agreements, an analyst at the police node and Anna at immigration. */
    private void setUp() throws Exception {
        Map<String, URI> endpoints = RunningNodes.endpoints(IMM, POL, CUS, LAB);
        pki = new TestFederation(endpoints);
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        immigration = NodeProcess.join(dir.resolve("imm"), pki.node(IMM), anchor, directory);
        police = NodeProcess.join(dir.resolve("pol"), pki.node(POL), anchor, directory);

        byte[] crossings = agreement("UTO-POL-IMM", "UTO/IMM", "2099-12-31", TestAgreements.rule("UTO/POL",
                "UTO/IMM", "crossings", "criminal-investigation", "hit,biographic,travel-history", 100, 30, false));
        byte[] wanted = agreement("UTO-POL-IMM-WANTED", "UTO/IMM", "2099-12-31", TestAgreements.rule("UTO/POL",
                "UTO/IMM", "wanted", "border-inspection", "hit", 1, 30, false));
        byte[] presence = agreement("UTO-POL-IMM-PRESENCE", "UTO/IMM", "2099-12-31", TestAgreements.rule("UTO/POL",
                "UTO/IMM", "presence", "criminal-investigation", "hit", 100, 30, false));
        byte[] expired = agreement("UTO-POL-CUS", "UTO/CUS", "2021-12-31", TestAgreements.rule("UTO/POL",
                "UTO/CUS", "crossings", "criminal-investigation", "hit", 100, 30, false));
        byte[] revoked = agreement("UTO-POL-LAB", "UTO/LAB", "2099-12-31", TestAgreements.rule("UTO/POL",
                "UTO/LAB", "crossings", "criminal-investigation", "hit", 100, 30, false));
        try (Database database = Database.open(immigration.store)) {
            AgreementBook book = book(database, IMM);
            for (byte[] file : List.of(crossings, wanted, presence)) {
                book.install(file, ADMIN);
            }
            book.revoke("UTO-POL-IMM-PRESENCE", "ended by immigration, not yet known to the police", ADMIN);
            InquiryFixtures.annaCrossed(database);
        }
        try (Database database = Database.open(police.store)) {
            AgreementBook book = book(database, POL);
            for (byte[] file : List.of(crossings, wanted, presence, expired, revoked)) {
                book.install(file, ADMIN);
            }
            book.revoke("UTO-POL-LAB", "ended by labour", ADMIN);
            TestAccounts.seed(database, new User(DETECTIVE, Role.ANALYST, null), PASSWORD);
        }
    }

    private byte[] agreement(String id, String other, String until, String rule) throws Exception {
        return TestAgreements.signed(pki, TestAgreements.draft(id, 1, other, "UTO/POL", "2020-01-01", until, rule),
                other + "/HQ", POL);
    }

    private AgreementBook book(Database database, String node) {
        Clock clock = Clock.systemUTC();
        return new AgreementBook(database, new AccessLog(database, new AuditLog(clock), clock),
                NodeIdentity.parse(node), pki.root::certificate, serial -> false, clock);
    }

    /**
     * Forces questions past the police node's own checks, as a tampered sender would: stored and queued directly in
     * the stopped node's database under the crossings agreement, each for a purpose (with the digest of the police
     * copy) or with another digest (for the allowed purpose). Returns each question's id with the refusal expected.
     */
    private Map<String, String> force(Map<String, String> purposeOrDigest) throws Exception {
        Map<String, String> forced = new LinkedHashMap<>();
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(police.store)) {
            Membership membership = Membership.load(police.data.resolve("exchange"), NodeProcess.PASSPHRASE, clock);
            try (ExchangeNode exchange = new ExchangeNode(database, new AuditLog(clock), membership, clock,
                    Duration.ofDays(30), Map.of())) {
                var agreement = book(database, POL).usable().stream()
                        .filter(a -> a.id().equals("UTO-POL-IMM")).findFirst().orElseThrow();
                for (Map.Entry<String, String> entry : purposeOrDigest.entrySet()) {
                    boolean digest = entry.getKey().length() == 64;
                    String purpose = digest ? "criminal-investigation" : entry.getKey();
                    String id = UUID.randomUUID().toString();
                    database.inTransaction(c -> {
                        try (PreparedStatement insert = c.prepareStatement("INSERT INTO agency_question(question_id,"
                                + " answerer, agreement_id, agreement_version, query_type, purpose, categories,"
                                + " subject_label, asked_by, asked_at, state) VALUES (?, ?, 'UTO-POL-IMM', 1,"
                                + " 'crossings', ?, 'hit,biographic', 'ERIKSSON', 'forger', ?, 'PENDING')")) {
                            Sql.bindAll(insert, id, IMM, purpose, Instant.now());
                            insert.executeUpdate();
                        }
                        QuestionMessage message = new QuestionMessage(id, "crossings", purpose,
                                List.of("hit", "biographic"), new Subject("ERIKSSON", "ANNA MARIA",
                                LocalDate.of(1974, 8, 12), null, null), agreement.reference(),
                                digest ? entry.getKey() : agreement.digest());
                        exchange.enqueue(c, exchange.message(NodeIdentity.parse(IMM), QuestionMessage.TYPE, purpose,
                                "application/json", InquiryJson.write(message)).withAgreement(agreement.reference()));
                        return null;
                    });
                    forced.put(id, entry.getValue());
                }
            }
        }
        return forced;
    }

    private JsonNode ask(int status, String query, String purpose, String categories, String answerer)
            throws Exception {
        HttpResponse<String> response = send("POST", "/api/questions", "{\"answerer\":\"" + answerer
                + "\",\"query\":\"" + query + "\",\"purpose\":\"" + purpose + "\",\"categories\":" + categories
                + ",\"subject\":" + ANNA + "}");
        assertThat(response.statusCode()).as(query + " " + purpose + " " + categories + " to " + answerer + ": "
                + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The refusal's code of a question the police node must refuse with 403. */
    private String refusal(String query, String purpose, String categories, String answerer) throws Exception {
        JsonNode refused = ask(403, query, purpose, categories, answerer);
        assertThat(refused.path("code").asText()).isEqualTo("agreement-refused");
        return refused.path("refusal").asText();
    }

    private JsonNode awaitDecided(String id) throws Exception {
        RunningNodes.await("question " + id + " is decided", () -> {
            String state = get("/api/questions/" + id).path("state").asText();
            return !state.equals("pending") && !state.equals("waiting");
        });
        return get("/api/questions/" + id);
    }

    private JsonNode awaitShellQuestion() throws Exception {
        List<JsonNode> found = new ArrayList<>();
        RunningNodes.await("the question asked at the shell is answered", () -> {
            found.clear();
            get("/api/questions").forEach(q -> {
                if (q.path("askedBy").asText().startsWith("cli:") && q.path("state").asText().equals("answered")) {
                    found.add(q);
                }
            });
            return found.size() == 1;
        });
        return found.get(0);
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        if (token == null) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(police.api().resolve("/api/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + DETECTIVE + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            token = JSON.readTree(login.body()).path("token").asText();
        }
        return http.send(HttpRequest.newBuilder(police.api().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long countAt(NodeProcess node, String sql, Object... values) {
        try (Database database = Database.open(node.store)) {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    Sql.bindAll(select, values);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
        }
    }
}
