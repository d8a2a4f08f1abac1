package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.ProbeFinger;
import org.ibex.confirmation.SignedReceipt;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryFixtures;
import org.ibex.inquiry.TestAgreements;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.store.TestDatabases;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ScreeningIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity confirmation API between two states over mutual TLS: XXB's immigration (the requester) probes UTO's
 * (the responder) with fingerprints, reads hit or no hit and downloads the signed deletion receipt; a supervisor asks
 * for the release of what the agreement allows; UTO's supervisor approves in part or declines with a reason XXB
 * reads. Roles and posts are kept apart, hostile bodies are 400s and 413s naming the field, retries answer as the
 * first request did, and protected persons are set and lifted with a reason.
 */
class ConfirmationApiTest {
    static final String XXB = "XXB/IMM/HQ";
    static final String UTO = "UTO/IMM/HQ";
    static final String PURPOSE = "identity-confirmation";
    /** Releases under this purpose wait for a person at UTO. */
    static final String HELD = "criminal-investigation";
    /** A national of XXB whom UTO knows by DB1_B fingers 101 (right index) and 102 (left index). */
    static final long FOREIGNER = 21;
    @TempDir
    static Path dir;
    static RunningNodes nodes;
    static TestFederation pki;
    static TestNode requester;
    static TestNode responder;
    static ApiCalls xxb;
    static ApiCalls uto;

    @BeforeAll
    static void federation() throws Exception {
        nodes = new RunningNodes(dir);
        pki = new TestFederation(RunningNodes.endpoints(XXB, UTO));
        requester = node(XXB);
        responder = node(UTO);
        requester.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        responder.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        xxb = new ApiCalls(requester);
        uto = new ApiCalls(responder);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("XXB-UTO-CONFIRM", 1, "XXB/IMM",
                "UTO/IMM", "2020-01-01", "2099-12-31",
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "identity,document-status", PURPOSE + "," + HELD,
                        "hit,biometric", 100, 30, false, "own-nationals", 48),
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "release", PURPOSE, "biographic,travel-history", 100, 30,
                        false),
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "release", HELD, "biographic,travel-history,documents",
                        100, 30, true)), XXB, UTO);
        Actor admin = new Actor(new User("admin", Role.ADMIN, null), "agreement", "test");
        requester.services.agreements().orElseThrow().install(agreement, admin);
        responder.services.agreements().orElseThrow().install(agreement, admin);
    }

    @AfterAll
    static void close() throws Exception {
        nodes.close();
        requester.close();
        responder.close();
    }

    /** A node of {@code id} with its exchange, both pillars and the API; UTO's gallery holds the foreigner. */
    private static TestNode node(String id) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = TestDatabases.fresh();
        AuditLog audit = new AuditLog(clock);
        AccessLog access = new AccessLog(database, audit, clock);
        ScreeningIndex screening = new ScreeningIndex(TestNode.MATCHER, clock);
        BiometricService biometrics = InquiryFixtures.biometrics(database, access, clock);
        Inquiry[] inquiry = new Inquiry[1];
        Confirmation[] confirmation = new Confirmation[1];
        RunningNodes.Running running = nodes.start(pki, id, database, Duration.ofMinutes(10), exchange -> {
            inquiry[0] = Inquiry.attach(exchange, database, new AgreementBook(database, access,
                    NodeIdentity.parse(id), pki.root::certificate, serial -> false, clock), screening, biometrics,
                    access, audit, clock);
            confirmation[0] = Confirmation.attach(exchange, database, inquiry[0], biometrics, screening, access,
                    audit, clock);
        });
        if (id.equals(UTO)) {
            insertPerson(database, FOREIGNER, "OKONKWO", "XXB");
            biometrics.enrol(FOREIGNER, "OKONKWO", List.of(
                    new FingerCapture(FingerPosition.RIGHT_INDEX, FvcSamples.file("DB1_B", "101_1.tif"), 500),
                    new FingerCapture(FingerPosition.LEFT_INDEX, FvcSamples.file("DB1_B", "102_1.tif"), 500)),
                    List.of(), null, new Actor(new User("enrolment", Role.ANALYST, null), "enrolment", "test"));
        }
        return new TestNode(clock, null, database, Optional.of(running.exchange()), Optional.of(inquiry[0]),
                Optional.of(confirmation[0]));
    }

    private static void insertPerson(Database database, long id, String surname, String nationality) {
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                    + " date_of_birth, nationality, sex, created_at) VALUES (?, ?, 'CHIDI', ?, ?, 'M', ?)")) {
                Sql.bindAll(insert, id, surname, LocalDate.of(1981, 5, 9), nationality, Instant.now());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static Map<String, Object> finger(FingerPosition position, int finger, int impression) {
        ProbeFinger probe = ProbeFinger.of(FvcSamples.template(position, finger, impression), 70);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("position", probe.position());
        body.put("format", probe.format());
        body.put("template", probe.template());
        body.put("quality", probe.quality());
        return body;
    }

    private static Map<String, Object> probe(String purpose, List<Map<String, Object>> fingers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", UTO);
        body.put("query", "identity");
        body.put("purpose", purpose);
        body.put("fingers", fingers);
        body.put("case", "XB/2026/31");
        return body;
    }

    /** A probe with another impression of the foreigner's right index, sent by officer.a and answered. */
    private static JsonNode hit(String purpose) throws InterruptedException {
        JsonNode sent = xxb.expect(201, "POST", "/api/partner-probes", "officer.a",
                probe(purpose, List.of(finger(FingerPosition.RIGHT_INDEX, 101, 3))));
        return awaitProbe(sent.path("id").asText());
    }

    private static JsonNode awaitProbe(String id) throws InterruptedException {
        return await("probe " + id + " is answered", () -> xxb.expect(200, "GET", "/api/partner-probes/" + id,
                "analyst", null), p -> !p.path("state").asText().equals("pending"));
    }

    private static JsonNode awaitRelease(String id, String... notIn) throws InterruptedException {
        List<String> waiting = List.of(notIn);
        return await("release " + id + " leaves " + waiting, () -> xxb.expect(200, "GET", "/api/partner-releases/"
                + id, "analyst", null), r -> !waiting.contains(r.path("state").asText()));
    }

    /** Polls {@code read} up to 60 seconds (prints are matched on two shared cores). */
    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> read,
                                  java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + ": " + last);
            }
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }

    private static Map<String, Object> release(String probeId, String purpose, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probeId", probeId);
        body.put("case", "XB/2026/31");
        body.put("purpose", purpose);
        body.put("categories", categories);
        return body;
    }

    private static HttpResponse<String> bytes(TestNode node, String path, String user, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + new ApiCalls(node).token(user))
                .header("Content-Type", "application/octet-stream").build();
        try {
            return node.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(path + " failed", e);
        }
    }

    private static long count(TestNode node, String sql, Object... values) {
        return node.database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                Sql.bindAll(select, values);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void aProbeByFingersIsAHitAnotherANoHitBothListedAndTheReceiptDownloadedVerifiesAgainstTheAnchor()
            throws Exception {
        JsonNode hit = hit(PURPOSE);
        JsonNode sent = xxb.expect(201, "POST", "/api/partner-probes", "officer.a",
                probe(PURPOSE, List.of(finger(FingerPosition.RIGHT_INDEX, 105, 1))));
        assertThat(sent.path("state").asText()).isEqualTo("pending");
        assertThat(sent.path("agreement").asText()).isEqualTo("XXB-UTO-CONFIRM@v1");
        JsonNode noHit = awaitProbe(sent.path("id").asText());

        assertThat(hit.path("state").asText()).isEqualTo("answered");
        assertThat(hit.path("outcome").asText()).isEqualTo("hit");
        assertThat(hit.path("reference").asText()).startsWith("ref-");
        assertThat(hit.path("releasable").asBoolean()).isTrue();
        assertThat(hit.path("receiptValid").asBoolean()).isTrue();
        assertThat(hit.path("case").asText()).isEqualTo("XB/2026/31");
        assertThat(hit.at("/receipt/receipt/probeSha256").asText()).isEqualTo(hit.path("probeSha256").asText());
        assertThat(noHit.path("outcome").asText()).isEqualTo("no-hit");
        assertThat(noHit.path("releasable").asBoolean()).isFalse();
        assertThat(xxb.expect(200, "GET", "/api/partner-probes", "officer.a", null).findValuesAsText("id"))
                .contains(hit.path("id").asText(), noHit.path("id").asText());

        HttpResponse<String> file = xxb.send("GET", "/api/partner-probes/" + hit.path("id").asText() + "/receipt",
                "officer.a", null);
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment"));
        SignedReceipt receipt = SignedReceipt.read(file.body().getBytes(StandardCharsets.UTF_8));
        assertThat(receipt.verify(pki.root.certificate(), serial -> false, Instant.now()).toString())
                .as("the responder signed it, and it verifies offline").isEqualTo(UTO);

        JsonNode searches = uto.expect(200, "GET", "/api/partner-searches?requester=" + XXB, "admin", null);
        assertThat(searches.findValuesAsText("id")).contains(hit.path("id").asText());
        assertThat(searches.toString()).as("the oversight view holds no template")
                .doesNotContain((String) finger(FingerPosition.RIGHT_INDEX, 101, 3).get("template"));
        HttpResponse<String> kept = uto.send("GET", "/api/partner-searches/" + hit.path("id").asText()
                + "/receipt", "analyst", null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(SignedReceipt.read(kept.body().getBytes(StandardCharsets.UTF_8)).receipt().probeSha256())
                .isEqualTo(hit.path("probeSha256").asText());
    }

    @Test
    void anOfficerOfAnotherPostGetsNotFoundForAProbeAndNoOfficerMayAskForARelease() throws Exception {
        JsonNode hit = hit(PURPOSE);
        String id = hit.path("id").asText();

        HttpResponse<String> other = xxb.send("GET", "/api/partner-probes/" + id, "officer.b", null);
        assertThat(other.statusCode()).as("another post's probe reads as missing: " + other.body()).isEqualTo(404);
        assertThat(xxb.expect(200, "GET", "/api/partner-probes", "officer.b", null).findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(xxb.send("GET", "/api/partner-probes/" + id + "/receipt", "officer.b", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> officer = xxb.send("POST", "/api/partner-releases", "officer.a",
                release(id, PURPOSE, List.of("biographic")));
        assertThat(officer.statusCode()).as("officers may not ask for release: " + officer.body()).isEqualTo(403);
        HttpResponse<String> otherPost = xxb.send("POST", "/api/partner-releases", "supervisor.b",
                release(id, PURPOSE, List.of("biographic")));
        assertThat(otherPost.statusCode()).as(otherPost.body()).isEqualTo(404);
        assertThat(uto.send("POST", "/api/release-decisions/x/approve", "analyst", null).statusCode())
                .as("only supervisors decide").isEqualTo(403);
    }

    @Test
    void aSupervisorAsksForTheReleaseOfAHitAndReadsTheReleasedDataWhileItIsKept() throws Exception {
        JsonNode hit = hit(PURPOSE);

        JsonNode asked = xxb.expect(201, "POST", "/api/partner-releases", "supervisor.a",
                release(hit.path("id").asText(), PURPOSE, List.of("biographic", "travel-history")));
        assertThat(asked.path("state").asText()).isEqualTo("pending");
        assertThat(asked.path("probeId").asText()).isEqualTo(hit.path("id").asText());
        JsonNode released = awaitRelease(asked.path("id").asText(), "pending");

        assertThat(released.path("state").asText()).isEqualTo("released");
        assertThat(released.path("releasedCategories").toString()).contains("biographic");
        assertThat(released.path("data").toString()).contains("OKONKWO");
        assertThat(released.path("retainUntil").asText()).isNotEmpty();
        assertThat(xxb.expect(200, "GET", "/api/partner-releases?probeId=" + hit.path("id").asText(),
                "supervisor.a", null).findValuesAsText("id")).containsExactly(asked.path("id").asText());

        HttpResponse<String> notAllowed = xxb.send("POST", "/api/partner-releases", "supervisor.a",
                release(hit.path("id").asText(), PURPOSE, List.of("documents")));
        assertThat(notAllowed.statusCode()).as(notAllowed.body()).isEqualTo(403);
        assertThat(ApiCalls.json(notAllowed).path("code").asText()).isEqualTo("agreement-refused");
        assertThat(ApiCalls.json(notAllowed).path("refusal").asText()).isEqualTo("category-not-allowed");
    }

    @Test
    void theRespondersSupervisorApprovesOnePartlyAndDeclinesAnotherWithAReasonTheRequesterReads()
            throws Exception {
        JsonNode hit = hit(HELD);
        String partly = xxb.expect(201, "POST", "/api/partner-releases", "supervisor.a",
                release(hit.path("id").asText(), HELD, List.of("biographic", "documents"))).path("id").asText();
        String declined = xxb.expect(201, "POST", "/api/partner-releases", "supervisor.a",
                release(hit.path("id").asText(), HELD, List.of("travel-history"))).path("id").asText();
        assertThat(awaitRelease(partly, "pending").path("state").asText()).isEqualTo("waiting");
        awaitRelease(declined, "pending");

        JsonNode queue = uto.expect(200, "GET", "/api/release-decisions?state=awaiting-approval", "supervisor.a",
                null);
        assertThat(queue.findValuesAsText("id")).contains(partly, declined);
        assertThat(uto.send("GET", "/api/release-decisions?state=someday", "analyst", null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> wider = uto.send("POST", "/api/release-decisions/" + declined + "/approve",
                "supervisor.a", Map.of("categories", List.of("biographic")));
        assertThat(wider.statusCode()).as("only what was asked may be approved: " + wider.body()).isEqualTo(400);
        assertThat(ApiCalls.json(wider).path("field").asText()).isEqualTo("categories");

        JsonNode approved = uto.expect(200, "POST", "/api/release-decisions/" + partly + "/approve", "supervisor.a",
                Map.of("categories", List.of("biographic")));
        assertThat(approved.path("state").asText()).isEqualTo("partial");
        assertThat(uto.expect(200, "POST", "/api/release-decisions/" + partly + "/approve", "supervisor.a",
                Map.of()).path("state").asText()).as("approving again answers as the first").isEqualTo("partial");
        assertThat(uto.send("POST", "/api/release-decisions/" + declined + "/decline", "supervisor.a", "{}")
                .statusCode()).as("a decline names its reason").isEqualTo(400);
        JsonNode refused = uto.expect(200, "POST", "/api/release-decisions/" + declined + "/decline",
                "supervisor.a", Map.of("reason", "the case does not justify travel history"));
        assertThat(refused.path("state").asText()).isEqualTo("refused");
        assertThat(refused.path("decidedBy").asText()).isEqualTo("supervisor.a");

        JsonNode part = awaitRelease(partly, "pending", "waiting");
        assertThat(part.path("state").asText()).isEqualTo("partial");
        assertThat(part.path("releasedCategories").toString()).contains("biographic").doesNotContain("documents");
        assertThat(part.path("data").toString()).contains("OKONKWO");
        JsonNode no = awaitRelease(declined, "pending", "waiting");
        assertThat(no.path("state").asText()).isEqualTo("refused");
        assertThat(no.path("reason").asText()).contains("the case does not justify travel history");
        assertThat(no.path("data").isNull()).isTrue();
        assertThat(count(responder, "SELECT COUNT(*) FROM access_log WHERE action = ?", "partner.release.decline"))
                .as("the decline is audited").isPositive();
    }

    @Test
    void aRefusedProbeIsA403WithTheRefusalAndARetryWithTheSameUidAnswersTheFirst() {
        HttpResponse<String> refused = xxb.send("POST", "/api/partner-probes", "officer.a",
                probe("tax-collection", List.of(finger(FingerPosition.RIGHT_INDEX, 101, 3))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(ApiCalls.json(refused).path("code").asText()).isEqualTo("agreement-refused");
        assertThat(ApiCalls.json(refused).path("refusal").asText()).isEqualTo("wrong-purpose");

        Map<String, Object> body = probe(PURPOSE, List.of(finger(FingerPosition.LEFT_INDEX, 102, 5)));
        body.put("uid", "client-retry-7");
        JsonNode first = xxb.expect(201, "POST", "/api/partner-probes", "officer.a", body);
        JsonNode again = xxb.expect(201, "POST", "/api/partner-probes", "officer.a", body);
        assertThat(again.path("id").asText()).as("a retry is answered as the first request was")
                .isEqualTo(first.path("id").asText());
        assertThat(count(requester, "SELECT COUNT(*) FROM partner_probe WHERE case_ref = ? AND fingers = 1"
                + " AND id = ?", "XB/2026/31", first.path("id").asText())).isEqualTo(1);
    }

    @Test
    void hostileBodiesAre400sAnd413sNamingTheFieldNeverAStackTrace() throws Exception {
        Map<String, Object> badTemplate = probe(PURPOSE, List.of(Map.of("position", 2, "format", "iso-19794-2",
                "template", "%%% not base64 %%%")));
        Map<String, Object> badPartner = probe(PURPOSE, List.of(finger(FingerPosition.RIGHT_INDEX, 101, 3)));
        badPartner.put("partner", "not a node");
        Map<String, Object> unknownPartner = new LinkedHashMap<>(badPartner);
        unknownPartner.put("partner", "ZZZ/IMM/HQ");
        Map<String, Object> overQuality = finger(FingerPosition.RIGHT_INDEX, 101, 3);
        overQuality.put("quality", 101);
        Map<String, Object> badQuality = probe(PURPOSE, List.of(overQuality));
        String huge = "{\"partner\":\"" + UTO + "\",\"purpose\":\"" + PURPOSE + "\",\"case\":\""
                + "x".repeat(300 * 1024) + "\"}";
        long probesBefore = count(requester, "SELECT COUNT(*) FROM partner_probe");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("fingers[0].template", xxb.send("POST", "/api/partner-probes", "officer.a", badTemplate));
        answers.put("fingers[0].quality", xxb.send("POST", "/api/partner-probes", "officer.a", badQuality));
        answers.put("partner", xxb.send("POST", "/api/partner-probes", "officer.a", badPartner));
        answers.put("partner ", xxb.send("POST", "/api/partner-probes", "officer.a", unknownPartner));
        answers.put("fingers", xxb.send("POST", "/api/partner-probes", "officer.a", probe(PURPOSE, List.of())));
        answers.put("body", xxb.send("POST", "/api/partner-probes", "officer.a", "{{ not json"));
        answers.put("colour", xxb.send("POST", "/api/partner-probes", "officer.a", "{\"colour\":\"red\"}"));
        answers.put("categories", xxb.send("POST", "/api/partner-releases", "supervisor.a",
                release("some-probe", PURPOSE, List.of("fingerprints"))));
        Map<String, Object> noCase = release("some-probe", PURPOSE, List.of("biographic"));
        noCase.remove("case");
        answers.put("case", xxb.send("POST", "/api/partner-releases", "supervisor.a", noCase));
        answers.put("probeId", xxb.send("POST", "/api/partner-releases", "supervisor.a",
                release(null, PURPOSE, List.of("biographic"))));
        for (var answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue();
            assertThat(response.statusCode()).as(answer.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).as(response.body())
                    .isEqualTo(answer.getKey().strip());
            assertThat(response.body()).doesNotContain("org.ibex", "Exception", "\tat ");
        }
        HttpResponse<String> tooLarge = xxb.send("POST", "/api/partner-probes", "officer.a", huge);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(ApiCalls.json(tooLarge).path("message").asText()).contains("256 KiB");
        HttpResponse<String> junk = bytes(requester, "/api/partner-probes/nist?partner=" + UTO + "&purpose="
                + PURPOSE, "officer.a", "not a transaction".getBytes(StandardCharsets.US_ASCII));
        assertThat(junk.statusCode()).as(junk.body()).isEqualTo(400);
        assertThat(ApiCalls.json(junk).path("field").asText()).isEqualTo("body");
        assertThat(count(requester, "SELECT COUNT(*) FROM partner_probe")).as("nothing refused was stored")
                .isEqualTo(probesBefore);
    }

    @Test
    void anAnsiNistFileIsSentAsTheTemplatesOfItsSingleFingers() throws Exception {
        byte[] file = Files.readAllBytes(Path.of(System.getProperty("ibex.shared", "../shared"), "data",
                "ansi-nist", "type-14-tpcard-nqm.an2"));

        HttpResponse<String> sent = bytes(requester, "/api/partner-probes/nist?partner=" + UTO + "&purpose="
                + PURPOSE + "&case=XB/2026/77", "supervisor.a", file);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode probe = ApiCalls.json(sent);
        assertThat(probe.path("fingers").asInt()).as("the ten rolled fingers, never the slaps").isEqualTo(10);
        assertThat(probe.path("case").asText()).isEqualTo("XB/2026/77");
        assertThat(awaitProbe(probe.path("id").asText()).path("outcome").asText()).isEqualTo("no-hit");
    }

    @Test
    void aSupervisorProtectsAPersonOfTheirPostWithAReasonAndLiftsItBothAudited() {
        long person = xxb.enter("officer.a", "POST-A", ApiCalls.passport("WITNESS", "W12345678"))
                .at("/crossing/personId").asLong();
        String path = "/api/persons/" + person + "/protection";

        assertThat(xxb.expect(200, "GET", path, "analyst", null).path("protected").asBoolean()).isFalse();
        assertThat(xxb.send("PUT", path, "supervisor.a", "{}").statusCode()).as("a reason is required")
                .isEqualTo(400);
        JsonNode set = xxb.expect(200, "PUT", path, "supervisor.a", Map.of("reason", "witness in case XB/2026/9"));
        assertThat(set.path("protected").asBoolean()).isTrue();
        assertThat(set.path("recordedBy").asText()).isEqualTo("supervisor.a");
        assertThat(xxb.expect(200, "GET", path, "admin", null).path("reason").asText())
                .isEqualTo("witness in case XB/2026/9");
        assertThat(xxb.send("PUT", path, "officer.a", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(xxb.send("PUT", path, "supervisor.b", Map.of("reason", "x")).statusCode())
                .as("a person another post never dealt with reads as missing").isEqualTo(404);
        assertThat(xxb.send("GET", "/api/persons/99999/protection", "admin", null).statusCode()).isEqualTo(404);

        assertThat(xxb.expect(200, "DELETE", path, "supervisor.a", null).path("protected").asBoolean()).isFalse();
        assertThat(xxb.expect(200, "GET", path, "analyst", null).path("protected").asBoolean()).isFalse();
        assertThat(count(requester, "SELECT COUNT(*) FROM access_log WHERE action IN (?, ?) AND subject = ?",
                "person.protection.set", "person.protection.remove", "person/" + person)).isEqualTo(2);
    }
}
