package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post takes headquarters' delta in place (only the rows and index entries that change) and ends exactly where a
 * rewrite of the whole list ends: the same rows, the same version content and counts, the same screening.
 */
class ListReplicasTest {
    private static final String LIST = "WANTED";
    private static final WatchlistInfo INFO = new WatchlistInfo(LIST, "Wanted", "hq", "national", 80);
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private final NameMatcher matcher = new NameMatcher();
    private final Replica inPlace = new Replica(matcher);
    private final Replica rewritten = new Replica(matcher);

    @AfterEach
    void close() {
        inPlace.database.close();
        rewritten.database.close();
    }

    @Test
    void aDeltaAppliedInPlaceLeavesWhatTheWholeNewContentLeaves() {
        List<PersonEntry> persons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            persons.add(person(i, "wanted"));
        }
        List<DocumentEntry> documents = List.of(document(0, "A100"), document(1, "B200"), document(2, "C300"));
        inPlace.snapshot(new ListSnapshot(persons, documents));
        rewritten.snapshot(new ListSnapshot(persons, documents));

        // p1 edited, p6 new, d0 edited, d3 new; p2 and d1 removed, a key not held ignored; p4 sent unchanged.
        ListSnapshot upserts = new ListSnapshot(List.of(person(1, "wanted (edited)"), person(6, "wanted"),
                person(4, "wanted")), List.of(document(0, "A101"), document(3, "D400")));
        List<String> removed = List.of("person:P2", "document:D1", "person:NOT-HELD");
        ListReplicas.Applied applied = inPlace.database.inTransaction(connection -> inPlace.replicas.applyDelta(
                connection, INFO, upserts.toTree(), removed, "UTO/REF/HQ", NOW));

        List<PersonEntry> after = new ArrayList<>(List.of(person(0, "wanted"), person(1, "wanted (edited)"),
                person(3, "wanted"), person(4, "wanted"), person(5, "wanted"), person(6, "wanted")));
        List<DocumentEntry> afterDocuments = List.of(document(0, "A101"), document(2, "C300"), document(3, "D400"));
        ListReplicas.Applied whole = rewritten.snapshot(new ListSnapshot(after, afterDocuments));

        assertThat(applied.version()).isEqualTo(2).isEqualTo(whole.version());
        assertThat(applied.change()).isEqualTo(whole.change()).isEqualTo(new ListChange(9, 9, 2, 2, 2));
        assertThat(inPlace.stored()).isEqualTo(rewritten.stored()).isEqualTo(new ListSnapshot(after, afterDocuments));
        assertThat(sorted(inPlace.version(2))).isEqualTo(sorted(rewritten.version(2)))
                .isEqualTo(new ListSnapshot(after, afterDocuments));
        assertThat(inPlace.index.personCount()).isEqualTo(rewritten.index.personCount()).isEqualTo(6);
        assertThat(inPlace.index.documentCount()).isEqualTo(rewritten.index.documentCount()).isEqualTo(3);
        for (int i = 0; i < 7; i++) {
            ScreeningQuery byName = ScreeningQuery.byName(person(i, "wanted").names().get(0));
            assertThat(inPlace.screen(byName)).as("person %d", i).isEqualTo(rewritten.screen(byName));
        }
        assertThat(inPlace.screen(ScreeningQuery.byName(person(2, "wanted").names().get(0)))).isEmpty();
        assertThat(inPlace.screen(ScreeningQuery.byName(person(6, "wanted").names().get(0)))).containsExactly("P6");
        assertThat(inPlace.index.screen(ScreeningQuery.byName(person(1, "wanted").names().get(0)), 5)).singleElement()
                .satisfies(hit -> assertThat(hit.person().reason()).isEqualTo("wanted (edited)"));
        for (String number : List.of("A100", "A101", "B200", "C300", "D400")) {
            ScreeningQuery byDocument = new ScreeningQuery(null, null, null, null, number, "UTO");
            assertThat(inPlace.screen(byDocument)).as(number).isEqualTo(rewritten.screen(byDocument));
        }
        assertThat(inPlace.screen(new ScreeningQuery(null, null, null, null, "B200", "UTO"))).isEmpty();
        assertThat(inPlace.screen(new ScreeningQuery(null, null, null, null, "D400", "UTO"))).containsExactly("D3");
    }

    @Test
    void onlyWhatDiffersIsWrittenAgain() {
        ListSnapshot before = new ListSnapshot(List.of(person(0, "wanted"), person(1, "wanted")),
                List.of(document(0, "A100")));
        InPlaceChange same = InPlaceChange.of(before, new ListSnapshot(List.of(person(0, "wanted")),
                List.of(document(0, "A100"))), List.of());
        assertThat(same.rows()).isEqualTo(new WatchlistRepository.Changes(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()));
        assertThat(same.after()).isEqualTo(before);

        // Removed and sent again in the same delta: the entry stays, changed only if it differs.
        InPlaceChange back = InPlaceChange.of(before, new ListSnapshot(List.of(person(1, "wanted"),
                person(0, "other"), person(2, "wanted")), List.of(document(0, "A101"))), List.of("person:P1",
                "person:P0", "document:D0"));
        assertThat(back.rows()).isEqualTo(new WatchlistRepository.Changes(List.of(), List.of(),
                List.of(person(0, "other")), List.of(document(0, "A101")), List.of(person(2, "wanted")), List.of()));
        assertThat(back.upsertedPersons()).containsExactly(person(0, "other"), person(2, "wanted"));
    }

    @Test
    void aWholeNewContentIsWrittenAsItsDifferencesUnlessAnIdRepeats() {
        ListSnapshot before = new ListSnapshot(List.of(person(0, "wanted"), person(1, "wanted"), person(2, "wanted")),
                List.of(document(0, "A100"), document(1, "B200")));
        ListSnapshot after = new ListSnapshot(List.of(person(3, "wanted"), person(1, "wanted (edited)"),
                person(0, "wanted")), List.of(document(1, "B200"), document(2, "C300")));
        InPlaceChange change = InPlaceChange.between(before, after).orElseThrow();
        assertThat(change.after()).isEqualTo(after);
        assertThat(change.rows()).isEqualTo(new WatchlistRepository.Changes(List.of("P2"), List.of("D0"),
                List.of(person(1, "wanted (edited)")), List.of(), List.of(person(3, "wanted")),
                List.of(document(2, "C300"))));

        assertThat(InPlaceChange.between(before, new ListSnapshot(List.of(person(0, "wanted"), person(0, "other")),
                List.of()))).isEmpty();
        assertThat(InPlaceChange.between(before, new ListSnapshot(List.of(), List.of(document(0, "A100"),
                document(0, "A101"))))).isEmpty();
    }

    private static ListSnapshot sorted(ListSnapshot snapshot) {
        return new ListSnapshot(snapshot.persons().stream().sorted(Comparator.comparing(PersonEntry::entryId))
                .toList(), snapshot.documents().stream().sorted(Comparator.comparing(DocumentEntry::entryId)).toList());
    }

    private static PersonEntry person(int i, String reason) {
        String[] given = {"KAROLO", "MIRUSE", "TAVOZE", "NAPIDRA", "GORBEL", "XANKALO", "ZEMIRU"};
        String[] surname = {"DRAGOVIC", "BELTRAMI", "OKONKWO", "HALVORSEN", "QUISPERA", "NAKAMURA", "FITZWALTER"};
        return new PersonEntry(LIST, "P" + i, List.of(given[i] + " " + surname[i]),
                PartialDate.of(LocalDate.of(1960 + i, 1 + i, 10 + i)), "UTO", null, reason, "hq", null, null,
                EntryAction.REFER_TO_SECOND_LINE);
    }

    private static DocumentEntry document(int i, String number) {
        return new DocumentEntry(LIST, "D" + i, number, "UTO", "P", DocumentStatus.STOLEN, LocalDate.of(2026, 1, 1),
                "hq");
    }

    /** A post's database and screening index, as the reference pillar writes them. */
    private static final class Replica {
        final Database database = TestDatabases.fresh();
        final WatchlistRepository repository = new WatchlistRepository(database);
        final ScreeningIndex index;
        final ListReplicas replicas;

        Replica(NameMatcher matcher) {
            index = ScreeningIndex.load(repository, matcher, Clock.systemUTC());
            replicas = new ListReplicas(repository, index);
        }

        ListReplicas.Applied snapshot(ListSnapshot content) {
            return database.inTransaction(connection -> replicas.applySnapshot(connection, INFO, content.toTree(),
                    "UTO/REF/HQ", NOW));
        }

        ListSnapshot stored() {
            return database.read(connection -> repository.content(connection, LIST));
        }

        ListSnapshot version(int version) {
            return database.read(connection -> new ListVersions().content(connection, LIST, version)).orElseThrow();
        }

        List<String> screen(ScreeningQuery query) {
            return index.screen(query, 10).stream().map(WatchlistHit::entryId).toList();
        }
    }
}
