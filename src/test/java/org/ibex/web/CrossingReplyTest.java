package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a crossing's reply says agrees with the rest of the API, and reads as a person would write it. */
class CrossingReplyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aRefusedEntryLeavesTheTravellerAbsentInTheReplyAsInTheStayEndpoint() {
        String expired = ApiCalls.passport("TURNEDAWAY", "TA1234567", LocalDate.of(1980, 5, 17), LocalDate.of(2020, 1, 31));

        JsonNode reply = api.enter("officer.a", "POST-A", expired);
        long person = reply.at("/crossing/personId").asLong();
        JsonNode stay = api.expect(200, "GET", "/api/persons/" + person + "/stay", "officer.a", null).path("status");

        assertThat(reply.at("/crossing/decision").asText()).isEqualTo("REFUSE");
        assertThat(reply.at("/stay/present").asBoolean()).as("a traveller turned away at the gate never entered")
                .isFalse();
        assertThat(reply.at("/stay/daysUsed").asInt()).as("no day of stay was used").isZero();
        assertThat(reply.path("stay")).as("one computation serves the reply and GET /stay").isEqualTo(stay);
    }

    @Test
    void aRetryShowsTheSameStayAsTheFirstAnswer() {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("AGAIN", "AG1234567"));
        body.put("uid", "stay-again");

        JsonNode first = api.expect(201, "POST", "/api/crossings", "officer.a", body);
        JsonNode retry = api.expect(200, "POST", "/api/crossings", "officer.a", body);

        assertThat(retry.path("stay")).as("a retry answers as the first did").isEqualTo(first.path("stay"));
    }

    @Test
    void anMrzErrorNamesItsFieldOnce() {
        String mrz = ApiCalls.passport("EXPIRYDIGIT", "ED1234567");
        int at = mrz.indexOf('\n') + 1 + 27; // line 2, column 28: the expiry date's check digit
        char printed = mrz.charAt(at);
        String broken = mrz.substring(0, at) + (printed == '9' ? '0' : (char) (printed + 1)) + mrz.substring(at + 1);

        JsonNode crossing = api.enter("officer.a", "POST-A", broken).path("crossing");

        String message = crossing.path("reasons").get(0).path("message").asText();
        assertThat(message).as("the field and the rule are named").contains("dateOfExpiry", "check-digit");
        assertThat(message.split("dateOfExpiry", -1)).as("'%s' says the field once", message).hasSize(2);
    }

    @Test
    void directionIsReadInAnyCaseAsTheCommandLineReadsIt() {
        JsonNode lower = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("entry", "POST-A", ApiCalls.passport("LOWERCASE", "LC1234567")));
        JsonNode mixed = api.expect(201, "POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("Exit", "POST-A", ApiCalls.passport("LOWERCASE", "LC1234567")));

        assertThat(lower.at("/crossing/direction").asText()).isEqualTo("ENTRY");
        assertThat(mixed.at("/crossing/direction").asText()).isEqualTo("EXIT");
    }

    @Test
    void anUnknownDirectionIsRefusedNamingTheFieldAndTheChoices() {
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a",
                ApiCalls.crossing("sideways", "POST-A", ApiCalls.passport("SIDEWAYS", "SW1234567")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = ApiCalls.json(response);
        assertThat(error.path("field").asText()).isEqualTo("direction");
        assertThat(error.path("message").asText()).contains("ENTRY", "EXIT", "sideways");
    }

    @Test
    void aKeyedInSurnameWithASemicolonIsRefusedNotStored() {
        HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a", keyed("SMITH; DROP", "JOHN"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = ApiCalls.json(response);
        assertThat(error.path("field").asText()).isEqualTo("document.surname");
        assertThat(error.path("message").asText()).as("the rule is said").contains("letters", "hyphens", "apostrophes");
        assertThat(api.expect(200, "GET", "/api/crossings", "officer.a", null).toString())
                .as("nothing was stored").doesNotContain("SMITH;");
    }

    @Test
    void keyedInNamesTakeLettersOfAnyScriptHyphensAndApostrophes() {
        JsonNode irish = api.expect(201, "POST", "/api/crossings", "officer.a", keyed("O'Brien-Łukaszewicz", "Seán Óg"));
        JsonNode arabic = api.expect(201, "POST", "/api/crossings", "officer.a", keyed("الهاشمي", "محمد"));

        assertThat(irish.at("/crossing/document/surname").asText()).isEqualTo("O'Brien-Łukaszewicz");
        assertThat(arabic.at("/crossing/document/givenNames").asText()).isEqualTo("محمد");
    }

    private static Map<String, Object> keyed(String surname, String givenNames) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("documentCode", "P");
        document.put("issuingState", "FRA");
        document.put("documentNumber", "KD" + Math.abs(surname.hashCode() % 10_000_000));
        document.put("surname", surname);
        document.put("givenNames", givenNames);
        document.put("nationality", "FRA");
        document.put("dateOfBirth", "1980-05-17");
        document.put("sex", "M");
        document.put("dateOfExpiry", "2031-01-31");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "ENTRY");
        body.put("postId", "POST-A");
        body.put("document", document);
        return body;
    }
}
