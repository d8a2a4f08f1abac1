package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.document.MrzWriter;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The officer's desk as the domain sees it: an assessment proposes a decision and stores nothing, the officer then
 * confirms it or records another decision with a reason, which the crossing keeps beside the rules' reasons.
 */
class BorderAssessmentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final Actor OFFICER = new Actor(new User("officer.b", Role.OFFICER, "POST-B"), "test", "local");
    private static final Actor ELSEWHERE = new Actor(new User("officer.c", Role.OFFICER, "POST-C"), "test", "local");
    private static Database database;
    private static BorderService border;

    @BeforeAll
    static void aNodeWithTwoPosts() {
        database = TestDatabases.fresh();
        PostRepository posts = new PostRepository(database);
        posts.add(new Post("POST-B", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
        posts.add(new Post("POST-C", "Port", Post.Kind.SEAPORT, ZoneId.of("Europe/Vilnius")));
        border = TestBorder.service(database, posts, CLOCK);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static String passport(String surname, String number, LocalDate expiry) {
        return MrzWriter.td3("FRA", surname, "ANNE", number, "FRA", LocalDate.of(1979, 3, 2), "F", expiry, null);
    }

    private static CrossingRequest entry(String uid, String mrz) {
        return new CrossingRequest(uid, Direction.ENTRY, "POST-B", null, mrz, null, null, null, null);
    }

    private static int stored() {
        return database.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM crossing")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static int persons() {
        return database.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM person")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Test
    void anAssessmentProposesTheDecisionTheRecordThenTakesAndStoresNothing() {
        String mrz = passport("PREVIEWED", "PV1234567", LocalDate.of(2025, 1, 1));
        int crossings = stored();
        int people = persons();

        Assessment assessment = border.assess(entry("assess-1", mrz), OFFICER);

        assertThat(assessment.outcome().decision()).isEqualTo(Decision.REFUSE);
        assertThat(assessment.outcome().reasons()).extracting(Reason::code).contains("document-expired");
        assertThat(assessment.document().surname()).isEqualTo("PREVIEWED");
        assertThat(assessment.recorded()).isNull();
        assertThat(stored()).as("no crossing stored").isEqualTo(crossings);
        assertThat(persons()).as("no person linked for good").isEqualTo(people);
        RecordedCrossing recorded = border.record(entry("assess-1", mrz), OFFICER);
        assertThat(recorded.crossing().decision()).isEqualTo(assessment.outcome().decision());
        assertThat(recorded.crossing().reasons()).isEqualTo(assessment.outcome().reasons());
    }

    @Test
    void anAssessmentOfAUidAlreadyRecordedAnswersThatCrossing() {
        String mrz = passport("TWICE", "TW1234567", LocalDate.of(2031, 1, 1));
        RecordedCrossing first = border.record(entry("assess-2", mrz), OFFICER);

        Assessment again = border.assess(entry("assess-2", mrz), OFFICER);

        assertThat(again.recorded().id()).isEqualTo(first.crossing().id());
        assertThat(again.outcome()).isNull();
    }

    @Test
    void anOverrideSetsTheDecisionAndKeepsTheRulesReasonsBesideTheOfficersWords() {
        String mrz = passport("OVERRIDDEN", "OV1234567", LocalDate.of(2025, 1, 1));

        RecordedCrossing recorded = border.record(entry(null, mrz),
                new OfficerDecision(Decision.REFER, "  renewal receipt shown, second line to verify  "), OFFICER);

        assertThat(recorded.crossing().decision()).isEqualTo(Decision.REFER);
        assertThat(recorded.crossing().reasons()).extracting(Reason::code).containsExactly("document-expired",
                "officer-override");
        assertThat(recorded.crossing().reasons().get(1).message()).contains("officer.b", "REFER", "REFUSE",
                "renewal receipt shown, second line to verify");
        assertThat(recorded.crossing().reasons().get(1).leadsTo()).isEqualTo(Decision.REFER);
    }

    @Test
    void anOverrideNeedsADecisionAndAReasonOfBoundedLength() {
        assertThatThrownBy(() -> new OfficerDecision(Decision.ADMIT, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new OfficerDecision(null, "why")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OfficerDecision(Decision.ADMIT, "x".repeat(OfficerDecision.MAX_REASON + 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
    }

    @Test
    void anOfficerAssessesAtTheirOwnPostOnly() {
        assertThatThrownBy(() -> border.assess(entry(null, passport("AWAY", "AW1234567", LocalDate.of(2031, 1, 1))),
                ELSEWHERE)).isInstanceOf(org.ibex.access.AccessDeniedException.class);
    }
}
