package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No listed person of the real UN list is out of the index's reach by one typing error in one token, with or
 * without a birth date: wherever the scorer, run over the person's names alone, finds him, the index hands him to
 * the scorer.
 */
class ListedPersonReachTest {
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Path UN = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists",
            "un_consolidated_2018-10-29.xml");
    private static List<PersonEntry> listed;
    private static PersonIndex index;
    private static Map<String, Double> thresholds;

    @BeforeAll
    static void indexTheUnList() throws IOException {
        try (InputStream in = Files.newInputStream(UN)) {
            listed = new UnConsolidatedListXml().parse(in, "un", null).persons();
        }
        index = new PersonIndex(MATCHER);
        index.addAll(listed, index.keyAll(listed));
        thresholds = Map.of("un", MATCHER.threshold());
    }

    @Test
    void oneSubstitutedLetterNoLongerPutsAListedPersonOutOfReach() {
        ScreeningQuery typo = ScreeningQuery.byName("BAMNANG SUKIRNO");
        assertThat(index.screen(typo, thresholds, TODAY, 10, list -> true))
                .as("BAMNANG for BAMBANG: the scorer gives 0.97, so the index must hand the entry to it")
                .extracting(WatchlistHit::entryId).contains(entryIdOf("BAMBANG SUKIRNO"));
    }

    @Test
    void everyOneEditVariantOfAListedNameIsFoundByTheIndexWheneverTheScorerFindsIt() {
        Random random = new Random(15);
        List<String> missed = new ArrayList<>();
        int variants = 0;
        int foundByScorer = 0;
        Map<String, PersonIndex> alone = new HashMap<>();
        for (PersonEntry entry : listed) {
            LocalDate birth = aDateThatFits(entry);
            for (String name : entry.names()) {
                for (String variant : OneEdit.sample(name, random)) {
                    for (LocalDate date : birth == null ? new LocalDate[]{null} : new LocalDate[]{null, birth}) {
                        ScreeningQuery query = new ScreeningQuery(variant, date, null, null, null, null);
                        PersonIndex own = alone.computeIfAbsent(entry.entryId(), id -> indexOf(entry));
                        variants++;
                        if (own.screenAll(query, thresholds, TODAY, 100).isEmpty()) {
                            continue;
                        }
                        foundByScorer++;
                        // The index only narrows what the scorer sees: reaching the entry is finding it.
                        if (!index.candidateEntries(query).contains(entry.entryId())) {
                            missed.add(variant + " (" + date + ") for " + name);
                        }
                    }
                }
            }
        }
        assertThat(variants).as("variants tried").isGreaterThan(5000);
        assertThat(foundByScorer).as("variants the scorer finds").isGreaterThan(variants / 2);
        assertThat(missed).as("variants the scorer finds but the index does not hand it, of " + foundByScorer)
                .isEmpty();
    }

    private static PersonIndex indexOf(PersonEntry entry) {
        PersonIndex own = new PersonIndex(MATCHER);
        own.add(entry);
        return own;
    }

    private static String entryIdOf(String name) {
        return listed.stream().filter(p -> p.names().stream().anyMatch(n -> n.strip().equalsIgnoreCase(name)))
                .findFirst().orElseThrow().entryId();
    }

    /** A full date the first listed birth date allows: itself, or the middle of its year or month. */
    private static LocalDate aDateThatFits(PersonEntry entry) {
        PartialDate date = entry.dateOfBirth();
        if (date == null) {
            return null;
        }
        return LocalDate.of(date.year(), date.month() == null ? 7 : date.month(), date.day() == null ? 1 : date.day());
    }
}
