package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.QueryType;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.Ask;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryFixtures;
import org.ibex.inquiry.Question;
import org.ibex.inquiry.Subject;
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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions API on the police node (UTO/POL/HQ) of a two-node federation over mutual TLS: asking immigration
 * (UTO/IMM/HQ) and following the answer, refusals by the agreements as 403 with their code, posts kept apart,
 * hostile bodies as 400s naming the field, the approval queue for what immigration asks the police, and the ledger
 * as JSON and CSV.
 */
class QuestionApiTest {
    static final String IMM = "UTO/IMM/HQ";
    static final String POL = "UTO/POL/HQ";
    static final String ANNA = "{\"surname\":\"Eriksson\",\"givenNames\":\"Anna Maria\",\"birthDate\":\"1974-08-12\"}";
    @TempDir
    static Path dir;
    static RunningNodes nodes;
    static Inquiry immigration;
    static TestNode police;
    static ApiCalls api;
    static long policePerson;

    @BeforeAll
    static void federation() throws Exception {
        nodes = new RunningNodes(dir);
        TestFederation pki = new TestFederation(RunningNodes.endpoints(IMM, POL));
        Database immigrationStore = nodes.database();
        immigration = attach(pki, IMM, immigrationStore);
        Database policeStore = TestDatabases.fresh();
        Inquiry policeInquiry = attach(pki, POL, policeStore);
        police = new TestNode(Clock.systemUTC(), null, policeStore, Optional.empty(), Optional.of(policeInquiry));
        police.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api = new ApiCalls(police);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("UTO-POL-IMM", 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31",
                TestAgreements.rule("UTO/POL", "UTO/IMM", "crossings", "criminal-investigation",
                        "hit,biographic,travel-history", 500, 30, false),
                TestAgreements.rule("UTO/IMM", "UTO/POL", "wanted", "border-inspection", "hit", 500, 30, true)),
                IMM, POL);
        Actor admin = new Actor(new User("admin", Role.ADMIN, null), "agreement", "test");
        immigration.agreements().install(agreement, admin);
        policeInquiry.agreements().install(agreement, admin);
        InquiryFixtures.annaCrossed(immigrationStore);
        policePerson = api.enter("officer.a", "POST-A", ApiCalls.passport("ERIKSSON", "PP1234567"))
                .path("crossing").path("personId").asLong();
    }

    @AfterAll
    static void close() throws Exception {
        nodes.close();
        police.close();
    }

    private static Inquiry attach(TestFederation pki, String id, Database database) throws Exception {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(clock);
        AccessLog access = new AccessLog(database, audit, clock);
        Inquiry[] pillar = new Inquiry[1];
        nodes.start(pki, id, database, Duration.ofMinutes(10), exchange -> pillar[0] = Inquiry.attach(exchange,
                database, new AgreementBook(database, access, NodeIdentity.parse(id), pki.root::certificate,
                        serial -> false, clock), new ScreeningIndex(TestNode.MATCHER, clock),
                InquiryFixtures.biometrics(database, access, clock),
                access, audit, clock));
        return pillar[0];
    }

    private static long count(String sql, Object... values) {
        return police.database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                Sql.bindAll(select, values);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static String ask(String purpose, String categories, String subject, Object personId) {
        return "{\"query\":\"crossings\",\"purpose\":\"" + purpose + "\",\"categories\":" + categories
                + ",\"subject\":" + subject + (personId == null ? "" : ",\"personId\":" + personId) + "}";
    }

    private static JsonNode awaitAnswer(String id, String user) throws InterruptedException {
        RunningNodes.await("question " + id + " is answered", () -> !api.expect(200, "GET", "/api/questions/" + id,
                user, null).path("state").asText().equals("pending"));
        return api.expect(200, "GET", "/api/questions/" + id, user, null);
    }

    @Test
    void anAnalystAsksImmigrationAndSeesTheAnswerLandWithWhatTheAgreementReleases() throws Exception {
        JsonNode asked = api.expect(201, "POST", "/api/questions", "analyst",
                ask("criminal-investigation", "[\"biographic\",\"travel-history\"]", ANNA, null));
        assertThat(asked.path("answerer").asText()).as("the agreement names immigration").isEqualTo(IMM);
        assertThat(asked.path("state").asText()).isEqualTo("pending");
        assertThat(asked.path("overdue").asBoolean()).isFalse();
        assertThat(asked.path("agreement").asText()).isEqualTo("UTO-POL-IMM@v1");
        assertThat(asked.path("subject").asText()).contains("ERIKSSON", "1974-08-12");
        assertThat(asked.path("askedBy").asText()).isEqualTo("analyst");

        JsonNode answered = awaitAnswer(asked.path("id").asText(), "analyst");
        assertThat(answered.path("state").asText()).isEqualTo("answered");
        assertThat(answered.path("outcome").asText()).isEqualTo("hit");
        assertThat(answered.at("/answer/crossings/0/direction").asText()).isEqualTo("ENTRY");
        assertThat(answered.path("retainUntil").asText()).isNotEmpty();
        assertThat(api.expect(200, "GET", "/api/questions", "analyst", null).findValuesAsText("id"))
                .contains(asked.path("id").asText());
    }

    @Test
    void aQuestionTheAgreementDoesNotAllowIsA403WithTheRefusalAndIsAuditedAndNothingIsStored() {
        long before = count("SELECT COUNT(*) FROM agency_question");
        HttpResponse<String> refused = api.send("POST", "/api/questions", "analyst",
                ask("tax-audit", "[]", ANNA, null));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        JsonNode body = ApiCalls.json(refused);
        assertThat(body.path("code").asText()).isEqualTo("agreement-refused");
        assertThat(body.path("refusal").asText()).isEqualTo("wrong-purpose");
        assertThat(body.path("message").asText()).isNotBlank();

        HttpResponse<String> biometric = api.send("POST", "/api/questions", "analyst",
                ask("criminal-investigation", "[\"biometric\"]", ANNA, null));
        assertThat(ApiCalls.json(biometric).path("refusal").asText()).isEqualTo("category-not-allowed");
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'agency.question.refused'"
                + " AND actor = 'analyst'")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM agency_question")).as("a refused question is not kept").isEqualTo(before);
    }

    @Test
    void anOfficerOfAnotherPostGetsNotFoundForAQuestionOfPostA() {
        JsonNode asked = api.expect(201, "POST", "/api/questions", "officer.a",
                ask("criminal-investigation", "[]", ANNA, null));
        String id = asked.path("id").asText();
        assertThat(asked.path("postId").asText()).isEqualTo("POST-A");

        HttpResponse<String> other = api.send("GET", "/api/questions/" + id, "officer.b", null);
        assertThat(other.statusCode()).as("as for a question that does not exist: " + other.body()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("ERIKSSON");
        assertThat(api.expect(200, "GET", "/api/questions", "officer.b", null).findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(api.expect(200, "GET", "/api/questions/" + id, "supervisor.a", null).path("id").asText())
                .isEqualTo(id);
        assertThat(api.expect(200, "GET", "/api/questions/" + id, "analyst", null).path("id").asText())
                .isEqualTo(id);
    }

    @Test
    void rolesOutsideTheQuestionsAreForbidden() {
        String body = ask("criminal-investigation", "[]", ANNA, null);
        assertThat(api.send("POST", "/api/questions", "admin", body).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/questions", "list.manager", body).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/requests", "officer.a", null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/requests/x/approve", "analyst", null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/requests/x/decline", "admin", "{\"reason\":\"no\"}").statusCode())
                .isEqualTo(403);
        assertThat(api.send("GET", "/api/persons/" + policePerson + "/disclosures", "officer.a", null).statusCode())
                .isEqualTo(403);
        assertThat(api.send("GET", "/api/disclosures", "supervisor.a", null).statusCode()).isEqualTo(403);
    }

    @Test
    void hostileBodiesAre400sOr413sThatNameTheFieldAndStoreNothing() {
        long before = count("SELECT COUNT(*) FROM agency_question");
        Map<String, String> fieldOfBody = new LinkedHashMap<>();
        fieldOfBody.put("{\"query\":", "body");
        fieldOfBody.put("[1,2,3]", "body");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA, null).replace("crossings", "horoscope"), "query");
        fieldOfBody.put("{\"purpose\":\"criminal-investigation\",\"subject\":" + ANNA + "}", "query");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA.replace("1974-08-12", "1974-13-45"), null),
                "subject.birthDate");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA.replace("1974-08-12", "1850-01-01"), null),
                "subject.birthDate");
        fieldOfBody.put("{\"query\":\"crossings\",\"purpose\":\"criminal-investigation\"}", "subject");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"surname\":\"ERIKSSON\"}", null), "subject");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"documentNumber\":\"<script>\"}", null),
                "subject.documentNumber");
        fieldOfBody.put(ask("criminal-investigation", "[\"everything\"]", ANNA, null), "categories");
        fieldOfBody.put(ask("Criminal Investigation!", "[]", ANNA, null), "purpose");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA, null).replace("{\"query\"",
                "{\"answerer\":\"not a node\",\"query\""), "answerer");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA, null).replace("{\"query\"",
                "{\"answerer\":\"XXA/CUS/HQ\",\"query\""), "answerer");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA, null).replace("{\"query\"",
                "{\"sql\":\"DROP TABLE person\",\"query\""), "sql");
        fieldOfBody.put(ask("criminal-investigation", "[]", ANNA, "\"seven\""), "personId");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"fingers\":[{\"position\":11,\"format\":"
                + "\"sourceafis\",\"template\":\"AAAA\"}]}", null), "subject.fingers.position");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"fingers\":[{\"position\":2,\"format\":\"png\","
                + "\"template\":\"AAAA\"}]}", null), "subject.fingers.format");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"fingers\":[{\"format\":\"sourceafis\","
                + "\"template\":\"AAAA\"}]}", null), "subject.fingers.position");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"fingers\":[{\"position\":2,\"format\":"
                + "\"sourceafis\",\"template\":\"not a template at all\"}]}", null), "subject.fingers.template");
        fieldOfBody.put(ask("criminal-investigation", "[]", "{\"fingers\":[{\"position\":2,\"format\":"
                + "\"iso-19794-2\",\"template\":\"QUJDREVGR0g=\"}]}", null), "subject.fingers.template");
        for (Map.Entry<String, String> hostile : fieldOfBody.entrySet()) {
            HttpResponse<String> response = api.send("POST", "/api/questions", "analyst", hostile.getKey());
            assertThat(response.statusCode()).as(hostile.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).as(hostile.getKey())
                    .isEqualTo(hostile.getValue());
            assertThat(response.body()).doesNotContain("Exception", "\\tat ");
        }
        String oversize = ask("criminal-investigation", "[]", ANNA.replace("Anna Maria", "A".repeat(17_000)), null);
        HttpResponse<String> tooLarge = api.send("POST", "/api/questions", "analyst", oversize);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(ApiCalls.json(tooLarge).path("field").asText()).isEqualTo("body");
        assertThat(count("SELECT COUNT(*) FROM agency_question")).isEqualTo(before);
    }

    @Test
    void aSupervisorApprovesOrDeclinesWhatImmigrationAsksThePoliceAndARetryAnswersTheSame() throws Exception {
        Actor officer = new Actor(new User("officer.imm", Role.OFFICER, "POST-A"), "inspection", "test");
        Question first = immigration.questions().ask(new Ask(null, QueryType.WANTED, "border-inspection", Set.of(),
                new Subject("ERIKSSON", null, LocalDate.of(1974, 8, 12), null, null), null, null), officer);
        Question second = immigration.questions().ask(new Ask(null, QueryType.WANTED, "border-inspection",
                Set.of(), new Subject(null, null, null, "L898902C3", "UTO"), null, null), officer);
        RunningNodes.await("both questions wait for a supervisor", () -> api.expect(200, "GET",
                "/api/requests?state=awaiting-approval", "supervisor.a", null).findValuesAsText("id")
                .containsAll(List.of(first.id(), second.id())));
        JsonNode queue = api.expect(200, "GET", "/api/requests?state=awaiting-approval", "admin", null);
        assertThat(queue.get(0).path("state").asText()).isEqualTo("awaiting-approval");
        assertThat(queue.get(0).path("asker").asText()).isEqualTo(IMM);

        JsonNode approved = api.expect(200, "POST", "/api/requests/" + first.id() + "/approve", "supervisor.a", null);
        assertThat(approved.path("state").asText()).isEqualTo("answered");
        assertThat(approved.path("decidedBy").asText()).isEqualTo("supervisor.a");
        assertThat(api.expect(200, "POST", "/api/requests/" + first.id() + "/approve", "supervisor.a", null))
                .as("approving again answers as the first approval did").isEqualTo(approved);

        HttpResponse<String> noReason = api.send("POST", "/api/requests/" + second.id() + "/decline",
                "supervisor.a", "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(noReason).path("field").asText()).isEqualTo("reason");
        JsonNode declined = api.expect(200, "POST", "/api/requests/" + second.id() + "/decline", "supervisor.a",
                "{\"reason\":\"not for this purpose\"}");
        assertThat(declined.path("state").asText()).isEqualTo("refused");
        assertThat(declined.path("refusal").asText()).startsWith("declined");
        assertThat(api.expect(200, "GET", "/api/requests?state=refused", "analyst", null).findValuesAsText("id"))
                .contains(second.id()).doesNotContain(first.id());
        assertThat(api.send("GET", "/api/requests?state=lost", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/requests/no-such-question/approve", "supervisor.a", null).statusCode())
                .isEqualTo(404);
        RunningNodes.await("immigration hears the decline", () -> immigration.questions().find(second.id(),
                officer).state() == Question.State.REFUSED);
    }

    @Test
    void thePersonsLedgerListsTheQuestionAndTheAnswerOnceForASupervisorOfTheirPostAndAsCsv() throws Exception {
        JsonNode asked = api.expect(201, "POST", "/api/questions", "supervisor.a",
                ask("criminal-investigation", "[\"biographic\"]", ANNA, policePerson));
        String id = asked.path("id").asText();
        awaitAnswer(id, "supervisor.a");

        JsonNode ledger = api.expect(200, "GET", "/api/persons/" + policePerson + "/disclosures", "supervisor.a",
                null);
        List<JsonNode> lines = new java.util.ArrayList<>();
        ledger.forEach(line -> {
            if (line.path("questionId").asText().equals(id)) {
                lines.add(line);
            }
        });
        assertThat(lines).extracting(l -> l.path("direction").asText() + " " + l.path("kind").asText())
                .containsExactly("sent question", "received answer");
        assertThat(lines.get(0).path("counterpart").asText()).isEqualTo(IMM);
        assertThat(lines.get(0).path("agreement").asText()).isEqualTo("UTO-POL-IMM@v1");
        assertThat(lines.get(0).path("purpose").asText()).isEqualTo("criminal-investigation");

        HttpResponse<String> csv = api.send("GET", "/api/persons/" + policePerson + "/disclosures?format=csv",
                "analyst", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("at,direction,kind,counterpart,agreement,purpose,categories,questionId,subject");
        assertThat(rows).filteredOn(row -> row.contains(id)).hasSize(2);

        assertThat(api.send("GET", "/api/persons/" + policePerson + "/disclosures", "supervisor.b", null)
                .statusCode()).as("a person who never crossed at POST-B reads as missing there").isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE action = 'disclosure.read refused'"
                + " AND actor = 'supervisor.b'")).isEqualTo(1);
        assertThat(api.send("GET", "/api/persons/abc/disclosures", "analyst", null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/persons/" + policePerson + "/disclosures?format=xml", "analyst", null)
                .statusCode()).isEqualTo(400);

        JsonNode whole = api.expect(200, "GET", "/api/disclosures?q=eriksson", "admin", null);
        assertThat(whole.findValuesAsText("questionId")).contains(id);
        HttpResponse<String> export = api.send("GET", "/api/disclosures?format=csv&q=nobody-by-that-name",
                "analyst", null);
        assertThat(export.body().split("\r\n")).as("the header row alone").hasSize(1);
        assertThat(api.send("GET", "/api/disclosures?q=" + "x".repeat(201), "admin", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aNodeOutsideAnyFederationAnswers409() {
        try (TestNode alone = new TestNode(Clock.systemUTC())) {
            ApiCalls calls = new ApiCalls(alone);
            HttpResponse<String> response = calls.send("POST", "/api/questions", "analyst",
                    ask("criminal-investigation", "[]", ANNA, null));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(ApiCalls.json(response).path("message").asText()).contains("has not joined a federation");
            assertThat(calls.send("GET", "/api/disclosures", "admin", null).statusCode()).isEqualTo(409);
        }
    }
}
