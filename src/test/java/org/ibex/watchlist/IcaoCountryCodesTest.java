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
 * A German passport writes its state as ICAO's D, which the MRZ accepts: the watchlists accept it too, from a list
 * file or from a traveller, and D and DEU are one country when a traveller is screened.
 */
class IcaoCountryCodesTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final WatchlistInfo ALERTS = new WatchlistInfo("alerts", "National alerts", "police", "national",
            (int) Math.round(MATCHER.threshold() * 100));

    private static PersonEntry listed(String nationality) {
        return new PersonEntry("alerts", "A1", List.of("Hans MÜLLER"), PartialDate.parse("1971-03-05"), nationality,
                null, "investigation", "police", null, null, EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void aListedPersonMayHaveGermanysIcaoCodeAsNationality() {
        assertThat(listed("D").nationality()).as("what the demo lists from a German passport's MRZ").isEqualTo("D");
        assertThat(listed("XXA").nationality()).as("stateless").isEqualTo("XXA");
    }

    @Test
    void aListFileMayWriteTheNationalityAsD() {
        ParsedEntries parsed = TestInputs.parseText(new WatchlistCsv(), "id,name,nationality\nP-1,Hans Müller,d\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(TestInputs.person(parsed, "P-1").nationality()).isEqualTo("D");
    }

    @Test
    void anUnknownNationalityIsStillRefusedNamingTheFieldAndTheCodesThatFit() {
        ParsedEntries parsed = TestInputs.parseText(new WatchlistCsv(), "id,name,nationality\nP-1,Hans Müller,QQQ\n");

        assertThat(parsed.persons()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("nationality");
            assertThat(e.message()).contains("'QQQ'").contains("ICAO Doc 9303 code (D, XXA");
        });
    }

    @Test
    void aGermanTravellerWithDMatchesAListedNationalityDeu() {
        ScreeningIndex index = new ScreeningIndex(MATCHER, CLOCK);
        index.replaceList(ALERTS, List.of(listed("DEU")), List.of());

        List<WatchlistHit> hits = index.screen(new ScreeningQuery("HANS MUELLER", LocalDate.of(1971, 3, 5), "D", null,
                null, null), 10);

        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.explanation())
                .as("D and DEU are both Germany: no penalty for a different spelling of one country")
                .contains("nationality D matches").doesNotContain("differs"));
    }

    @Test
    void aDocumentListedUnderDeuIsFoundOnAPassportIssuedByD() {
        ScreeningIndex index = new ScreeningIndex(MATCHER, CLOCK);
        index.replaceList(ALERTS, List.of(), List.of(new DocumentEntry("alerts", "S1", "C01X00T47", "DEU", "P",
                DocumentStatus.STOLEN, LocalDate.of(2026, 1, 2), "issuing authority")));

        List<WatchlistHit> hits = index.screen(new ScreeningQuery("ANYONE", null, "D", null, "C01X00T47", "D"), 10);

        assertThat(hits).as("the stolen passport is found whichever code writes its state").hasSize(1);
    }
}
