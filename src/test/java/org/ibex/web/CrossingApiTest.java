package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording crossings over HTTP: the decision and its reasons, bad input, MRZ reading, and stays end to end. */
class CrossingApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String SPECIMEN_TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
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
    void icaoSpecimenPassportIsRefusedOnEntryBecauseItExpiredIn2012() {
        JsonNode crossing = api.enter("officer.a", "POST-A", SPECIMEN_TD3).path("crossing");

        assertThat(crossing.path("decision").asText()).isEqualTo("REFUSE");
        assertThat(crossing.path("reasons").findValuesAsText("code")).as("refused for the expiry, not for the MRZ")
                .containsExactly("document-expired");
    }

    @Test
    void validPassportUnderTheDefault90In180RuleIsAdmittedWithItsFirstDayUsed() {
        JsonNode recorded = api.enter("officer.a", "POST-A", ApiCalls.passport("VALID", "VA1234567"));

        assertThat(recorded.at("/crossing/decision").asText()).as(recorded.toString()).isEqualTo("ADMIT");
        assertThat(recorded.at("/crossing/reasons").isEmpty()).isTrue();
        assertThat(recorded.at("/stay/daysUsed").asInt()).as("the day of entry counts as a day of stay").isEqualTo(1);
        assertThat(recorded.at("/stay/present").asBoolean()).isTrue();
        assertThat(recorded.path("duplicate").asBoolean()).isFalse();
    }

    @Test
    void wrongCheckDigitIsReferredWithTheFieldAndRuleNamed() {
        String mrz = ApiCalls.passport("BROKEN", "BR1234567");
        int at = mrz.indexOf('\n') + 10; // line 2, column 10: the document number's check digit
        char printed = mrz.charAt(at);
        String broken = mrz.substring(0, at) + (printed == '9' ? '0' : (char) (printed + 1)) + mrz.substring(at + 1);

        JsonNode crossing = api.enter("officer.a", "POST-A", broken).path("crossing");

        assertThat(crossing.path("decision").asText()).isEqualTo("REFER");
        JsonNode reason = crossing.path("reasons").get(0);
        assertThat(reason.path("code").asText()).isEqualTo("mrz-invalid");
        assertThat(reason.path("message").asText()).as("the officer reads which field broke which rule")
                .contains("documentNumber", "check-digit");
    }

    @Test
    void minorIsReferredForParentalConsent() {
        String child = ApiCalls.passport("YOUNG", "YO1234567", TODAY.minusYears(10), TODAY.plusYears(3));

        JsonNode crossing = api.enter("officer.a", "POST-A", child).path("crossing");

        assertThat(crossing.path("decision").asText()).isEqualTo("REFER");
        assertThat(crossing.path("reasons").findValuesAsText("code")).containsExactly("minor");
    }

    @Test
    void entryOnAVisaThatExpiredIsRefused() {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("VISITOR", "VI1234567"));
        body.put("permit", Map.of("type", "VISA-C", "validFrom", "2026-01-01", "validUntil", "2026-06-30",
                "entries", 2, "days", 30));

        JsonNode crossing = api.expect(201, "POST", "/api/crossings", "officer.a", body).path("crossing");

        assertThat(crossing.path("decision").asText()).isEqualTo("REFUSE");
        assertThat(crossing.path("reasons").findValuesAsText("code")).as("the visa ended before " + TODAY)
                .contains("permit-expired");
        assertThat(crossing.at("/permit/validUntil").asText()).as("dates travel as yyyy-MM-dd").isEqualTo("2026-06-30");
    }

    @Test
    void retryWithTheSameUidRecordsNothingNew() {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A", ApiCalls.passport("RETRY", "RE1234567"));
        body.put("uid", "tablet-7-000042");

        JsonNode first = api.expect(201, "POST", "/api/crossings", "officer.a", body);
        JsonNode retry = api.expect(200, "POST", "/api/crossings", "officer.a", body);

        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(retry.at("/crossing/id").asLong()).as("the retry answers with the stored crossing")
                .isEqualTo(first.at("/crossing/id").asLong());
        assertThat(api.expect(200, "GET", "/api/crossings?person=" + first.at("/crossing/personId").asLong(),
                "officer.a", null).size()).as("one crossing stored, not two").isEqualTo(1);
    }

    @Test
    void badRequestsNameTheFieldAndShowNoJavaInternals() {
        String mrz = ApiCalls.passport("INPUT", "IN1234567");
        Map<String, Object> unknownField = ApiCalls.crossing("ENTRY", "POST-A", mrz);
        unknownField.put("colour", "red");
        Map<String, Object> numberDirection = ApiCalls.crossing("ENTRY", "POST-A", mrz);
        numberDirection.put("direction", 5);
        Map<String, Object> indexDirection = ApiCalls.crossing("ENTRY", "POST-A", mrz);
        indexDirection.put("direction", 1);
        Map<String, Object> noDirection = ApiCalls.crossing(null, "POST-A", mrz);
        Map<String, Object> unknownPost = ApiCalls.crossing("ENTRY", "POST-Z", mrz);
        Map<Object, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put("{\"direction\":\"ENTRY\",", "body");
        fieldOf.put(unknownField, "colour");
        fieldOf.put(numberDirection, "direction");
        fieldOf.put(indexDirection, "direction"); // 1 must not silently mean EXIT, the enum's second constant
        fieldOf.put(noDirection, "direction");
        fieldOf.put(unknownPost, "postId");

        fieldOf.forEach((body, field) -> {
            HttpResponse<String> response = api.send("POST", "/api/crossings", "officer.a", body);
            assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isEqualTo(400);
            assertThat(ApiCalls.json(response).path("field").asText()).as("blame for %s", body).isEqualTo(field);
            assertThat(ApiCalls.json(response).path("message").asText()).as("a message for a person").isNotBlank();
            assertThat(response.body()).as("no stack trace or class names reach a client")
                    .doesNotContain("Exception", "at org.", "org.ibex");
        });
    }

    @Test
    void mrzEndpointReadsTheFiveIcaoSpecimensAsDoc9303PrintsThem() {
        // format, documentCode, documentNumber, surname, givenNames, nationality, dateOfBirth, dateOfExpiry, sex
        List<List<String>> expected = List.of(
                List.of(SPECIMEN_TD3, "TD3", "P", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", "1974-08-12", "2012-04-15", "F"),
                List.of("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                        "TD1", "I", "D23145890", "ERIKSSON", "ANNA MARIA", "UTO", "1974-08-12", "2012-04-15", "F"),
                List.of("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6",
                        "TD2", "I", "D23145890", "ERIKSSON", "ANNA MARIA", "UTO", "1974-08-12", "2012-04-15", "F"),
                List.of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<",
                        "MRVA", "V", "L8988901C", "ERIKSSON", "ANNA MARIA", "XXX", "1940-09-07", "1996-12-10", "F"),
                List.of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<",
                        "MRVB", "V", "L8988901C", "ERIKSSON", "ANNA MARIA", "XXX", "1940-09-07", "1996-12-10", "F"));
        List<String> fields = List.of("format", "documentCode", "documentNumber", "surname", "givenNames", "nationality",
                "dateOfBirth", "dateOfExpiry", "sex");
        for (List<String> specimen : expected) {
            JsonNode reading = api.expect(200, "POST", "/api/mrz", "analyst", Map.of("mrz", specimen.get(0)));
            assertThat(reading.path("valid").asBoolean()).as("%s specimen is valid: %s", specimen.get(1), reading).isTrue();
            assertThat(reading.path("errors").isEmpty()).isTrue();
            assertThat(reading.path("issuingState").asText()).isEqualTo("UTO");
            assertThat(reading.path("lines").size()).isEqualTo(specimen.get(0).split("\n").length);
            for (int i = 0; i < fields.size(); i++) {
                assertThat(reading.path(fields.get(i)).asText()).as("%s %s", specimen.get(1), fields.get(i))
                        .isEqualTo(specimen.get(i + 1));
            }
        }
    }

    @Test
    void travellerPastNinetyDaysIsAnOverstayerAndOneWithinIsNot() {
        // Entered 2026-08-16, 100 days before 2026-11-24. The entry day counts, so on 2026-11-24 that is 101 days,
        // all inside the 180-day window (2026-05-29..2026-11-24). Day 90 is 2026-08-16 + 89 = 2026-11-13, the last
        // authorised day; 2026-11-14..2026-11-24 are 11 days over.
        long late = enterOn(NOW.minus(Duration.ofDays(100)), ApiCalls.passport("LATE", "LA1234567"));
        // Entered 2026-10-25: 31 days used, 59 left.
        long within = enterOn(NOW.minus(Duration.ofDays(30)), ApiCalls.passport("WITHIN", "WI1234567"));

        JsonNode lateStay = api.expect(200, "GET", "/api/persons/" + late + "/stay", "officer.a", null).path("status");
        assertThat(lateStay.path("daysUsed").asInt()).isEqualTo(101);
        assertThat(lateStay.path("stayEndsOn").asText()).isEqualTo("2026-11-13");
        assertThat(lateStay.path("overstayDays").asInt()).isEqualTo(11);
        JsonNode withinStay = api.expect(200, "GET", "/api/persons/" + within + "/stay", "officer.a", null).path("status");
        assertThat(withinStay.path("daysUsed").asInt()).isEqualTo(31);
        assertThat(withinStay.path("overstayer").asBoolean()).isFalse();

        JsonNode overstayers = api.expect(200, "GET", "/api/overstayers", "analyst", null);
        JsonNode listed = null;
        for (JsonNode stay : overstayers) {
            assertThat(stay.at("/person/id").asLong()).as("WITHIN has 59 days left").isNotEqualTo(within);
            listed = stay.at("/person/id").asLong() == late ? stay : listed;
        }
        assertThat(listed).as("LATE is listed: " + overstayers).isNotNull();
        assertThat(listed.at("/status/overstayDays").asInt()).isEqualTo(11);
        assertThat(listed.at("/status/overstayer").asBoolean()).isTrue();
    }

    @Test
    void aSupervisorSeesOnlyTheOverstayersWhoCrossedAtTheirPost() {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-B", ApiCalls.passport("ELSEWHERE", "EL1234567"));
        body.put("occurredAt", NOW.minus(Duration.ofDays(120)).toString());
        body.put("lateReason", "entered from the paper log");
        node.addUser("supervisor.b", org.ibex.access.Role.SUPERVISOR, "POST-B");
        long elsewhere = api.expect(201, "POST", "/api/crossings", "supervisor.b", body).at("/crossing/personId").asLong();
        long here = enterOn(NOW.minus(Duration.ofDays(120)), ApiCalls.passport("HERE", "HE1234567"));

        List<Long> forAnalyst = new ArrayList<>();
        api.expect(200, "GET", "/api/overstayers", "analyst", null).forEach(s -> forAnalyst.add(s.at("/person/id").asLong()));
        List<Long> forSupervisor = new ArrayList<>();
        api.expect(200, "GET", "/api/overstayers", "supervisor.a", null)
                .forEach(s -> forSupervisor.add(s.at("/person/id").asLong()));
        assertThat(forAnalyst).as("analysts see the whole node").contains(elsewhere, here);
        assertThat(forSupervisor).as("supervisor.a sees POST-A's traveller, not POST-B's").contains(here)
                .doesNotContain(elsewhere);
    }

    /** Records a back-dated entry at POST-A on {@code at} (a supervisor's, with a reason) and returns the person id. */
    private static long enterOn(Instant at, String mrz) {
        Map<String, Object> body = ApiCalls.crossing("ENTRY", "POST-A", mrz);
        body.put("occurredAt", at.toString());
        body.put("lateReason", "entered from the paper log");
        JsonNode recorded = api.expect(201, "POST", "/api/crossings", "supervisor.a", body);
        assertThat(recorded.at("/crossing/decision").asText()).as(recorded.toString()).isEqualTo("ADMIT");
        return recorded.at("/crossing/personId").asLong();
    }
}
