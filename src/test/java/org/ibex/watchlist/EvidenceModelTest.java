package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The screening score as evidence: every listed value counts, the best one wins, and namesakes follow the list's policy. */
class EvidenceModelTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final WatchlistInfo ALERTS = new WatchlistInfo("alerts", "National alerts", "police", "national", 80);

    private static PersonEntry kony(List<ListedDocument> documents) {
        // Joseph Kony as the UN lists him: several alternative birth dates, the first a year alone.
        List<PartialDate> dates = List.of(PartialDate.parse("1959"), PartialDate.parse("1960"),
                PartialDate.parse("1961"), PartialDate.parse("1963"), PartialDate.parse("1964-09-18"),
                PartialDate.parse("1965"), PartialDate.parse("1968-07-01"));
        return new PersonEntry("alerts", "CFi.006", List.of("JOSEPH KONY"), dates, List.of("UGA", "SSD"), "M", null,
                documents, "sanctions", "UN", null, null, EntryAction.REFER_TO_SECOND_LINE);
    }

    private static ScreeningIndex index(WatchlistInfo info, PersonEntry... persons) {
        ScreeningIndex index = new ScreeningIndex(MATCHER, CLOCK);
        index.replaceList(info, List.of(persons), List.of());
        return index;
    }

    private static ScreeningQuery query(String name, String born, String nationality, String sex, String document) {
        return new ScreeningQuery(name, born == null ? null : LocalDate.parse(born), nationality, sex, document, null);
    }

    @Test
    void aListedPersonShowingAnyOfHisListedDatesScoresAboveTheThreshold() {
        ScreeningIndex index = index(ALERTS, kony(List.of()));
        for (String born : List.of("1964-09-18", "1968-07-01", "1961-05-02", "1959-12-31")) {
            List<WatchlistHit> hits = index.screenBruteForce(query("JOSEPH KONY", born, "UGA", "M", null), 10);
            assertThat(hits).as(born).singleElement().satisfies(hit -> {
                assertThat(hit.score()).isGreaterThanOrEqualTo(0.80);
                assertThat(hit.alerts()).isTrue();
            });
        }
        WatchlistHit exact = index.screenBruteForce(query("JOSEPH KONY", "1964-09-18", null, null, null), 10).get(0);
        assertThat(exact.explanation()).as("the date that fits is the one named, not the first listed")
                .contains("birth date 1964-09-18 matches listed 1964-09-18");
    }

    @Test
    void aYearOnlyListingIsNotOneDigitOffThirtyYearsApart() {
        List<PartialDate> listed = List.of(PartialDate.parse("1959"));
        assertThat(BirthEvidence.best(listed, LocalDate.of(1989, 3, 1)).evidence())
                .isEqualTo(BirthEvidence.CONFLICT_APPROXIMATE);
        assertThat(BirthEvidence.best(listed, LocalDate.of(1960, 3, 1)).evidence()).isEqualTo(BirthEvidence.NEAR_YEAR);
        assertThat(BirthEvidence.best(List.of(PartialDate.parse("1959-03-01")), LocalDate.of(1989, 3, 1)).evidence())
                .as("a full date one keying error away is still a likely typo").isEqualTo(BirthEvidence.ONE_DIGIT_OFF);
    }

    @Test
    void aSecondListedNationalityIsNotAConflict() {
        PersonEntry entry = kony(List.of());
        EvidenceModel.Evidence ssd = EvidenceModel.weigh(0.95, entry, query("JOSEPH KONY", null, "SSD", null, null), 0.8);
        assertThat(ssd.explained()).contains("nationality SSD matches listed SSD").doesNotContain("not among");
        assertThat(ssd.terms()).filteredOn(t -> t.words().startsWith("nationality"))
                .singleElement().satisfies(t -> assertThat(t.llr()).isPositive());
        EvidenceModel.Evidence fra = EvidenceModel.weigh(0.95, entry, query("JOSEPH KONY", null, "FRA", null, null), 0.8);
        assertThat(fra.explained()).contains("nationality FRA is not among listed UGA, SSD");
    }

    @Test
    void aListedDocumentNumberIsStrongEvidenceEvenForAWeakName() {
        PersonEntry entry = kony(List.of(new ListedDocument("B-123 456", "Passport", "UGA", null)));
        ScreeningIndex index = index(ALERTS, entry);
        ScreeningQuery traveller = new ScreeningQuery("JOSEF KONI OKELLO", LocalDate.of(1975, 1, 1), null, "M",
                "B123456", "UGA");
        List<WatchlistHit> hits = index.screenBruteForce(traveller, 10);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.alerts()).isTrue();
            assertThat(hit.explanation()).contains("document B123456 is listed for this person");
        });
        ScreeningQuery otherIssuer = new ScreeningQuery("JOSEF KONI OKELLO", LocalDate.of(1975, 1, 1), null, "M",
                "B123456", "KEN");
        assertThat(EvidenceModel.weigh(0.6, entry, otherIssuer, 0.8).explained()).doesNotContain("document");
    }

    @Test
    void everyTermIsInTheExplanationAndTheScoreIsOnItsDocumentedScale() {
        PersonEntry entry = kony(List.of());
        EvidenceModel.Evidence e = EvidenceModel.weigh(1.0, entry, query("JOSEPH KONY", "1964-09-18", "UGA", "F", null),
                0.8);
        assertThat(e.terms()).extracting(EvidenceModel.Term::words).hasSize(4);
        assertThat(e.explained()).contains("name 1.00 +13.6").contains("matches listed 1964-09-18 +10.4")
                .contains("nationality UGA matches listed UGA +2.0").contains("sex F differs from listed M -3.2");
        assertThat(e.total()).isCloseTo(13.6 + 10.4 + 2.0 - 3.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.score()).isEqualTo(1.0);
        assertThat(EvidenceModel.score(EvidenceModel.nameLlr(0.80))).as("a name alone at 0.80 scores 0.80")
                .isCloseTo(0.80, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(EvidenceModel.score(EvidenceModel.nameLlr(0.80) + 1)).as("each hundredth is one nat")
                .isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aNamesakeIsShownFlaggedAndDoesNotAlertUnlessTheListSaysSo() {
        PersonEntry listed = new PersonEntry("alerts", "A1", List.of("Иванов Сергей"), PartialDate.parse("1971-03-05"),
                "RUS", "M", "investigation", "police", null, null, EntryAction.REFUSE_ENTRY);
        ScreeningQuery namesake = query("SERGEI IVANOV", "1990-11-20", "RUS", "M", null);

        List<WatchlistHit> shown = index(ALERTS, listed).screenBruteForce(namesake, 10);
        assertThat(shown).singleElement().satisfies(hit -> {
            assertThat(hit.namesake()).isTrue();
            assertThat(hit.alerts()).as("the default policy shows a namesake without stopping the traveller").isFalse();
            assertThat(hit.explanation()).startsWith("namesake: born 1990-11-20, listed born 1971-03-05");
        });

        assertThat(index(ALERTS.withNamesakes(NamesakePolicy.HIDE), listed).screenBruteForce(namesake, 10)).isEmpty();

        ScreeningIndex alerting = index(ALERTS.withNamesakes(NamesakePolicy.ALERT), listed);
        assertThat(alerting.screenBruteForce(namesake, 10)).singleElement()
                .satisfies(hit -> assertThat(hit.alerts()).isTrue());
        assertThat(alerting.screen(namesake, 10)).as("the index finds him too, although his date is not the listed one")
                .singleElement().satisfies(hit -> {
                    assertThat(hit.alerts()).isTrue();
                    assertThat(hit.explanation()).contains("alerts on namesakes");
                });
    }

    @Test
    void aNameBelowTheFloorIsNoHitHoweverMuchElseAgrees() {
        PersonEntry entry = kony(List.of());
        EvidenceModel.Evidence e = EvidenceModel.weigh(0.65, entry, query("JOHN SMITH", "1964-09-18", "UGA", "M", null),
                0.8);
        assertThat(e.score()).isZero();
    }
}
