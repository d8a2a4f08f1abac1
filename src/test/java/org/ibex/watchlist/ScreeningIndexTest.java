package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Screening: who is found, who is not, and what the officer is told. */
class ScreeningIndexTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final WatchlistInfo ALERTS = new WatchlistInfo("alerts", "National alerts", "police", "national",
            (int) Math.round(MATCHER.threshold() * 100));

    private static PersonEntry person(String id, String name, String birth, LocalDate validUntil) {
        return new PersonEntry("alerts", id, List.of(name), birth == null ? null : PartialDate.parse(birth), null, null,
                "investigation", "police", null, validUntil, EntryAction.REFER_TO_SECOND_LINE);
    }

    private static ScreeningIndex indexOf(List<PersonEntry> persons, List<DocumentEntry> documents) {
        ScreeningIndex index = new ScreeningIndex(MATCHER, CLOCK);
        index.replaceList(ALERTS, persons, documents);
        return index;
    }

    @Test
    void findsACyrillicListedNameFromThePassportsLatinAndSaysWhy() {
        ScreeningIndex index = indexOf(List.of(person("A1", "Иванов Сергей", "1971-03-05", null),
                person("A2", "Смирнова Ольга", "1980-01-01", null)), List.of());
        List<WatchlistHit> hits = index.screen(new ScreeningQuery("SERGEI IVANOV", LocalDate.of(1971, 3, 5), null, null,
                null, null), 10);
        assertThat(hits).extracting(WatchlistHit::entryId).containsExactly("A1");
        assertThat(hits.get(0).explanation()).as("the officer sees the name evidence and the birth date")
                .contains("Иванов").contains("birth date 1971-03-05 matches");
        assertThat(hits.get(0).action()).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void aConflictingBirthDateClearsANamesakeButADigitOffDoesNot() {
        ScreeningIndex index = indexOf(List.of(person("A1", "Иванов Сергей", "1971-03-05", null)), List.of());
        assertThat(index.screen(new ScreeningQuery("SERGEI IVANOV", LocalDate.of(1990, 11, 20), null, null, null, null), 10))
                .as("a namesake born twenty years later is not the listed person").isEmpty();
        List<WatchlistHit> typo = index.screen(new ScreeningQuery("SERGEI IVANOV", LocalDate.of(1971, 3, 6), null, null,
                null, null), 10);
        assertThat(typo).extracting(WatchlistHit::entryId).containsExactly("A1");
        assertThat(typo.get(0).explanation()).contains("one digit off");
    }

    @Test
    void anEntryPastItsValidityNoLongerHits() {
        ScreeningIndex index = indexOf(List.of(person("OLD", "Иванов Сергей", null, LocalDate.of(2026, 11, 23))), List.of());
        assertThat(index.screen(ScreeningQuery.byName("SERGEI IVANOV"), 10)).isEmpty();
    }

    @Test
    void replacingAListUpdatesTheIndexWithoutARebuild() {
        ScreeningIndex index = indexOf(List.of(person("A1", "Иванов Сергей", null, null)), List.of());
        index.replaceList(ALERTS, List.of(person("B1", "Haddad Omar", null, null)), List.of());
        assertThat(index.screen(ScreeningQuery.byName("SERGEI IVANOV"), 10)).isEmpty();
        assertThat(index.screen(ScreeningQuery.byName("OMAR HADDAD"), 10)).extracting(WatchlistHit::entryId)
                .containsExactly("B1");
        assertThat(index.personCount()).isEqualTo(1);
    }

    @Test
    void documentsHitExactlyOrThroughAnOcrConfusionButNotForAnotherIssuingState() {
        DocumentEntry stolen = new DocumentEntry("alerts", "D1", "L898902C3", "UTO", "P", DocumentStatus.STOLEN,
                LocalDate.of(2025, 1, 2), "passport office");
        ScreeningIndex index = indexOf(List.of(), List.of(stolen));
        WatchlistHit exact = index.screen(new ScreeningQuery(null, null, null, null, "L898902C3", "UTO"), 10).get(0);
        assertThat(exact.score()).isEqualTo(1.0);
        assertThat(exact.explanation()).contains("STOLEN");
        WatchlistHit misread = index.screen(new ScreeningQuery(null, null, null, null, "L8989O2C3", "UTO"), 10).get(0);
        assertThat(misread.score()).isLessThan(1.0);
        assertThat(misread.explanation()).contains("OCR");
        assertThat(index.screen(new ScreeningQuery(null, null, null, null, "L898902C3", "XXA"), 10)).isEmpty();
    }

    @Test
    void theIndexFindsWhatTheBruteForceScanFindsOnASmallList() {
        List<PersonEntry> persons = List.of(person("1", "Иванов Сергей", null, null), person("2", "محمد حسن", null, null),
                person("3", "כהן דוד", null, null), person("4", "Müller Hans", null, null), person("5", "张伟", null, null));
        ScreeningIndex index = indexOf(persons, List.of());
        for (String query : List.of("SERGEI IVANOV", "MOHAMED HASSAN", "DAVID COHEN", "HANS MUELLER", "WEI ZHANG",
                "JOHN SMITH")) {
            assertThat(index.screen(ScreeningQuery.byName(query), 10)).extracting(WatchlistHit::entryId).as(query)
                    .containsExactlyElementsOf(index.screenBruteForce(ScreeningQuery.byName(query), 10).stream()
                            .map(WatchlistHit::entryId).toList());
        }
    }
}
