package org.ibex.web;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.InvalidInputException;
import org.ibex.border.PersonSearch;
import org.ibex.identity.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding a person by name or document number (the screens' person search) in the scope a file opens in: the
 * travellers of one's post or of an open biometric case; analysts everyone; every search on record.
 */
class PersonSearchTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;
    private static PersonSearch search;
    private static long person;

    @BeforeAll
    static void aTravellerCrossesAtPostA() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api = new ApiCalls(node);
        person = api.enter("officer.a", "POST-A", ApiCalls.passport("SEARCHWELL", "S12345678"))
                .at("/crossing/personId").asLong();
        search = new PersonSearch(node.services.database(), node.services.biometrics(), node.services.accessLog());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static Actor actor(String name, Role role, String post) {
        return new Actor(new User(name, role, post), "test", "local");
    }

    @Test
    void theOfficerOfThePostFindsTheTravellerByPartOfTheNameOrTheDocumentNumber() {
        Actor officer = actor("officer.a", Role.OFFICER, "POST-A");
        assertThat(search.find("searchw", officer, 10)).extracting(Person::id).containsExactly(person);
        assertThat(search.find("S12345678", officer, 10)).extracting(Person::id).containsExactly(person);
        assertThat(search.find("100%_", officer, 10)).as("wildcards are searched as text").isEmpty();
        assertThat(node.services.accessLog().recent("person.search", 10)).as("every search is on record")
                .anyMatch(e -> e.access().actor().equals("officer.a") && e.access().subject().contains("S12345678"));
    }

    @Test
    void anotherPostFindsNobodyUntilItOpensACaseAndAnAnalystFindsEveryone() {
        Actor other = actor("supervisor.b", Role.SUPERVISOR, "POST-B");
        assertThat(search.find("SEARCHWELL", other, 10)).isEmpty();
        assertThat(search.find("SEARCHWELL", actor("analyst", Role.ANALYST, null), 10)).extracting(Person::id)
                .containsExactly(person);
        api.expect(201, "POST", "/api/persons/" + person + "/cases", "supervisor.b", Map.of("reason", "asylum interview"));
        assertThat(search.find("SEARCHWELL", other, 10)).extracting(Person::id).containsExactly(person);
    }

    @Test
    void aSearchTooShortOrTooLongIsRefusedNamingTheField() {
        Actor officer = actor("officer.a", Role.OFFICER, "POST-A");
        assertThatThrownBy(() -> search.find(" s ", officer, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> search.find("S".repeat(101), officer, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 100");
    }
}
