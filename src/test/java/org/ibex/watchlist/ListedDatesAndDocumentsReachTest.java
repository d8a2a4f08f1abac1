package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every birth date and every document a list gives for a person brings the person before the scorer: lists give
 * several dates as alternatives, and a traveller who shows a listed passport is that person's concern whatever
 * name he gives.
 */
class ListedDatesAndDocumentsReachTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final WatchlistInfo UN = new WatchlistInfo("un", "UN consolidated", "UN", "national",
            (int) Math.round(MATCHER.threshold() * 100));

    /** Joseph Kony as the UN list of 2018 gives him: ten birth dates, years, months and two full dates. */
    private static final PersonEntry KONY = new PersonEntry("un", "6908538", List.of("JOSEPH KONY", "Josef Kony"),
            List.of(PartialDate.parse("1959"), PartialDate.parse("1960"), PartialDate.parse("1961"),
                    PartialDate.parse("1963"), PartialDate.parse("1964-09-18"), PartialDate.parse("1965"),
                    PartialDate.parse("1961-08"), PartialDate.parse("1961-07"), PartialDate.parse("1961-01-01"),
                    PartialDate.parse("1963-04")),
            List.of("UGA"), "M", "Palaro Village, Gulu District", List.of(), "CFi.009", "UN", null, null,
            EntryAction.REFER_TO_SECOND_LINE);

    /** A person listed with two full dates only, and his passport and an identity number without a country. */
    private static final PersonEntry LISTED = new PersonEntry("un", "QDi.999", List.of("Abdul Rahman Yasin"),
            List.of(PartialDate.parse("1960-04-10"), PartialDate.parse("1967-11-23")), List.of("IRQ", "USA"), "M",
            null, List.of(new ListedDocument("B0123456", "Passport", "IRQ", null),
                    new ListedDocument("552-88-1234", "National Identification Number", null, null)),
            "QDi.999", "UN", null, null, EntryAction.REFER_TO_SECOND_LINE);

    private static PersonIndex index(PersonEntry... entries) {
        PersonIndex index = new PersonIndex(MATCHER);
        index.addAll(List.of(entries), index.keyAll(List.of(entries)));
        return index;
    }

    private static ScreeningQuery born(String name, String date) {
        return new ScreeningQuery(name, LocalDate.parse(date), null, null, null, null);
    }

    @Test
    void everyFullListedBirthDateBringsThePersonBeforeTheScorer() {
        PersonIndex index = index(KONY, LISTED);
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1964-09-18")))
                .as("the issue's case: the fifth of Kony's ten dates").contains("6908538");
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1961-01-01"))).contains("6908538");
        assertThat(index.candidateEntries(born("ABDUL RAHMAN YASIN", "1960-04-10"))).contains("QDi.999");
        assertThat(index.candidateEntries(born("ABDUL RAHMAN YASIN", "1967-11-23")))
                .as("the second of two full dates, with no partial date to fall back on").contains("QDi.999");
        assertThat(index.candidateEntries(born("ABDUL RAHMAN YASIN", "1967-11-24")))
                .as("one digit off the second date").contains("QDi.999");
    }

    @Test
    void aPartialListedDateKeepsThePersonWhenTheTravellersDateFitsIt() {
        PersonIndex index = index(KONY);
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1959-05-02"))).as("the year 1959").contains("6908538");
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1963-04-27"))).as("April 1963").contains("6908538");
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1961-08-30"))).as("August 1961").contains("6908538");
    }

    @Test
    void aNamesakeIsClearedOnlyWhenNoneOfTheListedDatesFits() {
        PersonIndex index = index(KONY, LISTED);
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1982-06-15")))
                .as("1982 is none of Kony's years, nor a digit from one").doesNotContain("6908538");
        assertThat(index.candidateEntries(born("JOSEPH KONY", "1948-02-21"))).doesNotContain("6908538");
        assertThat(index.candidateEntries(born("ABDUL RAHMAN YASIN", "1975-01-30"))).doesNotContain("QDi.999");
    }

    @Test
    void aListedPassportFindsThePersonWhateverTheName() {
        ScreeningIndex screening = new ScreeningIndex(MATCHER, CLOCK);
        screening.replaceList(UN, List.of(KONY, LISTED), List.of());
        List<WatchlistHit> hits = screening.screen(new ScreeningQuery("JOHN SMITH", LocalDate.of(1985, 1, 1), null,
                null, "B0123456", "IRQ"), 10);
        assertThat(hits).extracting(WatchlistHit::entryId).containsExactly("QDi.999");
        WatchlistHit hit = hits.get(0);
        assertThat(hit.kind()).isEqualTo(WatchlistHit.Kind.PERSON);
        assertThat(hit.person()).isEqualTo(LISTED);
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.explanation()).contains("Passport B0123456 issued by IRQ is listed for this person")
                .contains("Abdul Rahman Yasin");
    }

    @Test
    void aListedNumberWithoutANameOrCountryStillFindsThePerson() {
        ScreeningIndex screening = new ScreeningIndex(MATCHER, CLOCK);
        screening.replaceList(UN, List.of(KONY, LISTED), List.of());
        assertThat(screening.screen(new ScreeningQuery(null, null, null, null, "552881234", "FRA"), 10))
                .as("the list names no issuing country for the identity number, so any will do")
                .extracting(WatchlistHit::entryId).containsExactly("QDi.999");
    }

    @Test
    void anOcrMisreadNumberFindsThePersonButAsksForACheckByEye() {
        ScreeningIndex screening = new ScreeningIndex(MATCHER, CLOCK);
        screening.replaceList(UN, List.of(LISTED), List.of());
        List<WatchlistHit> hits = screening.screen(new ScreeningQuery("JOHN SMITH", null, null, null, "80I23456",
                "IRQ"), 10);
        assertThat(hits).extracting(WatchlistHit::entryId).containsExactly("QDi.999");
        assertThat(hits.get(0).score()).isLessThan(1.0);
        assertThat(hits.get(0).explanation()).contains("B0123456").contains("check the number by eye");
    }

    @Test
    void aListedNumberFromAnotherIssuingCountryIsNotThePersons() {
        ScreeningIndex screening = new ScreeningIndex(MATCHER, CLOCK);
        screening.replaceList(UN, List.of(LISTED), List.of());
        assertThat(screening.screen(new ScreeningQuery("JOHN SMITH", null, null, null, "B0123456", "FRA"), 10))
                .isEmpty();
    }

    @Test
    void aReplacedListForgetsItsDocuments() {
        ScreeningIndex screening = new ScreeningIndex(MATCHER, CLOCK);
        screening.replaceList(UN, List.of(LISTED), List.of());
        screening.replaceList(UN, List.of(KONY), List.of());
        assertThat(screening.screen(new ScreeningQuery("JOHN SMITH", null, null, null, "B0123456", "IRQ"), 10))
                .isEmpty();
    }
}
