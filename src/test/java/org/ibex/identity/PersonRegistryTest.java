package org.ibex.identity;

import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** How a document holder becomes a person: renewals link, anything uncertain stays apart. */
class PersonRegistryTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalDate BORN = LocalDate.of(1980, 5, 17);
    private final Database database = TestDatabases.fresh();
    private final PersonRegistry registry = new PersonRegistry();

    @AfterEach
    void close() {
        database.close();
    }

    private long link(String surname, LocalDate born, String number) {
        return database.inTransaction(c -> registry.link(c, new PersonFacts(surname, "JEAN", born, "FRA", "M", "FRA", number), NOW));
    }

    @Test
    void theSameDocumentAgainIsTheSamePerson() {
        assertThat(link("MARTIN", BORN, "AA1111111")).isEqualTo(link("MARTIN", BORN, "AA1111111"));
    }

    @Test
    void aRenewedPassportLinksToTheSamePersonByNameBirthDateAndNationality() {
        long first = link("MARTIN", BORN, "AA1111111");

        assertThat(link("MARTIN", BORN, "BB2222222")).as("a new passport of the same holder").isEqualTo(first);
    }

    @Test
    void aNamesakeBornOnAnotherDayIsAnotherPerson() {
        assertThat(link("MARTIN", LocalDate.of(1981, 5, 17), "BB2222222")).isNotEqualTo(link("MARTIN", BORN, "AA1111111"));
    }

    @Test
    void aKnownDocumentWithAnotherBirthDateNeverMergesTheTwo() {
        long holder = link("MARTIN", BORN, "AA1111111");

        long other = link("MARTIN", LocalDate.of(1990, 1, 1), "AA1111111");

        assertThat(other).as("a wrong merge is worse than a duplicate: a misread or forged birth date stays apart")
                .isNotEqualTo(holder);
        assertThat(link("MARTIN", BORN, "AA1111111")).as("the document still leads to its holder").isEqualTo(holder);
    }

    @Test
    void withoutABirthDateOnlyTheDocumentLinks() {
        long first = link("MARTIN", null, "AA1111111");

        assertThat(link("MARTIN", null, "BB2222222")).as("name and nationality alone are not enough").isNotEqualTo(first);
    }
}
