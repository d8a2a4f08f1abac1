package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ordinary pairs the issue found alerting on the real UN list, and the listed people behind them. */
class RealListScoringTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    /** What {@code ibex watchlist calibrate} chose for the UN list at 0.5% (README, "### Screening"). */
    private static final int CALIBRATED_UN = 82;
    private static List<PersonEntry> un;

    static Path shared(String file) {
        String env = System.getenv("IBEX_SHARED");
        return (env != null ? Path.of(env) : Path.of("..", "shared")).resolve("data").resolve("watchlists").resolve(file);
    }

    @BeforeAll
    static void load() {
        un = WatchlistFiles.parse(shared("un_consolidated_2018-10-29.xml"), "un", null, null).persons();
    }

    private static ScreeningIndex index(int thresholdPercent) {
        ScreeningIndex index = new ScreeningIndex(MATCHER, CLOCK);
        index.replaceList(new WatchlistInfo("un", "UN", "UN Security Council", "public", thresholdPercent), un, List.of());
        return index;
    }

    private static List<WatchlistHit> alerting(List<WatchlistHit> hits) {
        return hits.stream().filter(WatchlistHit::alerts).toList();
    }

    @Test
    void ordinaryTravellersWithTheirBirthDatesDoNotAlertOnTheirWeakPairs() {
        ScreeningIndex index = index(80);
        ScreeningQuery smith = new ScreeningQuery("JOHN SMITH", LocalDate.of(1985, 3, 2), "GBR", "M", null, null);
        ScreeningQuery zhang = new ScreeningQuery("WEI ZHANG", LocalDate.of(1990, 4, 12), "CHN", "M", null, null);
        for (ScreeningQuery q : List.of(smith, zhang)) {
            assertThat(alerting(index.screenBruteForce(q, 10))).as(q.name() + " against every UN name").isEmpty();
            assertThat(alerting(index.screen(q, 10))).as(q.name()).isEmpty();
        }
    }

    @Test
    void atTheCalibratedThresholdTheWeakPairsDoNotAlertOnTheNameAlone() {
        ScreeningIndex index = index(CALIBRATED_UN);
        assertThat(index.screenBruteForce(ScreeningQuery.byName("JOHN SMITH"), 10)).extracting(WatchlistHit::matchedName)
                .doesNotContain("Said Jhan");
        assertThat(index.screenBruteForce(ScreeningQuery.byName("WEI ZHANG"), 10)).extracting(WatchlistHit::matchedName)
                .doesNotContain("WALIJAN");
    }

    @Test
    void theListedPersonBehindSaidJhanIsFoundWithEitherListedDate() {
        ScreeningIndex index = index(CALIBRATED_UN);
        PersonEntry listed = un.stream().filter(p -> p.names().contains("Said Jhan")).findFirst().orElseThrow();
        for (PartialDate date : listed.datesOfBirth()) {
            LocalDate born = LocalDate.of(date.year(), date.month(), date.day());
            List<WatchlistHit> hits = index.screenBruteForce(new ScreeningQuery("SAID JHAN", born, "AFG", null, null,
                    null), 10);
            assertThat(alerting(hits)).as(born.toString()).extracting(WatchlistHit::entryId).contains(listed.entryId());
        }
    }
}
