package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node restarts from the keyed lists it kept beside the database, and finds exactly what a start that keys every
 * name from the database finds, on the real UN list. A kept file that is damaged, cut short or older than the
 * list is never trusted: the list is keyed from the database again and the file rewritten.
 */
class KeyedRestartTest {
    private static final Actor MANAGER = new Actor(new User("manager.a", Role.LIST_MANAGER, null), "test", "local");
    private final NameMatcher matcher = new NameMatcher();
    private final Clock clock = Clock.systemUTC();
    private final Database database = TestDatabases.fresh();
    private final WatchlistRepository repository = new WatchlistRepository(database);
    private final Path folder = TestDatabases.tempFolder().resolve("keyed-lists");
    private final KeyedListFiles files = KeyedListFiles.in(folder, database);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStartFromTheKeptFileFindsExactlyWhatAStartFromTheDatabaseFinds() {
        importUn(ScreeningIndex.load(repository, matcher, clock, files));

        ScreeningIndex warm = ScreeningIndex.load(repository, matcher, clock, files);
        assertThat(files.lastReads()).isEqualTo(Map.of("un", "read"));
        ScreeningIndex cold = ScreeningIndex.load(repository, matcher, clock);

        assertThat(warm.personCount()).isEqualTo(cold.personCount()).isGreaterThan(600);
        List<ScreeningQuery> queries = queries();
        assertThat(queries).hasSizeGreaterThan(450);
        for (ScreeningQuery query : queries) {
            assertThat(hits(warm, query)).as("%s", query).isEqualTo(hits(cold, query));
        }
    }

    @Test
    void aDamagedOrTruncatedFileIsKeyedAgainFromTheDatabaseAndRewritten() throws IOException {
        importUn(ScreeningIndex.load(repository, matcher, clock, files));
        Path file = files.file("un");
        byte[] good = Files.readAllBytes(file);
        ScreeningIndex reference = ScreeningIndex.load(repository, matcher, clock);
        ScreeningQuery kony = new ScreeningQuery("JOSEPH KONY", null, null, null, null, null);

        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x01;
        Files.write(file, flipped);
        ScreeningIndex afterFlip = ScreeningIndex.load(repository, matcher, clock, files);
        assertThat(files.lastReads().get("un")).isEqualTo("damaged: checksum differs");
        assertThat(hits(afterFlip, kony)).isNotEmpty().isEqualTo(hits(reference, kony));

        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        ScreeningIndex afterCut = ScreeningIndex.load(repository, matcher, clock, files);
        assertThat(files.lastReads().get("un")).startsWith("damaged");
        assertThat(afterCut.personCount()).isEqualTo(reference.personCount());

        ScreeningIndex.load(repository, matcher, clock, files);
        assertThat(files.lastReads()).as("rewritten by the start that keyed it again").isEqualTo(Map.of("un", "read"));
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }

    @Test
    void aFileKeptForAnEarlierVersionOfTheListIsNotTrusted() throws IOException {
        ScreeningIndex index = ScreeningIndex.load(repository, matcher, clock, files);
        importUn(index);
        byte[] earlier = Files.readAllBytes(files.file("un"));
        List<PersonEntry> fewer = new ArrayList<>(content().persons());
        PersonEntry kony = fewer.stream().filter(p -> p.primaryName().contains("KONY")).findFirst().orElseThrow();
        fewer.remove(kony);
        new WatchlistService(database, repository, index, accessLog(), clock)
                .replace(new ListImport("un", null, null, null, null, null), fewer, List.of(), MANAGER);
        Files.write(files.file("un"), earlier);

        ScreeningIndex restarted = ScreeningIndex.load(repository, matcher, clock, files);

        assertThat(files.lastReads().get("un")).startsWith("stale: made for un at");
        assertThat(restarted.personCount()).isEqualTo(fewer.size());
        assertThat(restarted.screen(ScreeningQuery.byName("JOSEPH KONY"), 10))
                .extracting(WatchlistHit::entryId).doesNotContain(kony.entryId());
    }

    @Test
    void aListTheDatabaseNoLongerHoldsLeavesNoFileBehind() throws IOException {
        importUn(ScreeningIndex.load(repository, matcher, clock, files));
        Path orphan = folder.resolve("list-00000000000000000000000000000000.keys");
        Files.copy(files.file("un"), orphan);
        Files.writeString(folder.resolve(files.file("un").getFileName() + ".tmp"), "left by a crash");

        ScreeningIndex.load(repository, matcher, clock, files);

        try (var left = Files.list(folder)) {
            assertThat(left).containsExactly(files.file("un"));
        }
    }

    @Test
    void aListIsImportedEvenWhenItsKeyedFileCannotBeWritten() throws IOException {
        Files.writeString(folder, "a file where the folder should be");
        ScreeningIndex index = ScreeningIndex.load(repository, matcher, clock, files);

        WatchlistService.ImportResult result = new WatchlistService(database, repository, index, accessLog(), clock)
                .importFile(new ListImport("un", "UN consolidated", "UN Security Council", "national", null, null),
                        KeyedListFileTest.UN, "un-xml", null, MANAGER);

        assertThat(result.imported()).isTrue();
        assertThat(index.screen(ScreeningQuery.byName("JOSEPH KONY"), 10)).isNotEmpty();
        ScreeningIndex restarted = ScreeningIndex.load(repository, matcher, clock, files);
        assertThat(files.lastReads().get("un")).isEqualTo("no keyed file");
        assertThat(restarted.personCount()).isEqualTo(index.personCount());
    }

    private void importUn(ScreeningIndex index) {
        WatchlistService.ImportResult result = new WatchlistService(database, repository, index, accessLog(), clock)
                .importFile(new ListImport("un", "UN consolidated", "UN Security Council", "national", null, null),
                        KeyedListFileTest.UN, "un-xml", null, MANAGER);
        assertThat(result.imported()).as("%s", result.errors()).isTrue();
        assertThat(Files.exists(files.file("un"))).as("kept once the import committed").isTrue();
    }

    private ListSnapshot content() {
        return database.read(connection -> repository.content(connection, "un"));
    }

    private AccessLog accessLog() {
        return new AccessLog(database, new AuditLog(clock), clock);
    }

    /**
     * A third of the listed persons (every third, in list order): the main name as written with the listed birth
     * date, swapped without one; and for every tenth person each name with one letter changed.
     */
    private List<ScreeningQuery> queries() {
        List<ScreeningQuery> out = new ArrayList<>();
        List<PersonEntry> persons = content().persons();
        for (int i = 0; i < persons.size(); i += 3) {
            PersonEntry person = persons.get(i);
            String name = person.primaryName();
            Integer day = person.dateOfBirth() == null ? null : BirthDates.fullDate(person.dateOfBirth());
            out.add(new ScreeningQuery(name, day == null ? null : java.time.LocalDate.ofEpochDay(day), null, null, null,
                    null));
            if (name.contains(" ")) {
                out.add(ScreeningQuery.byName(name.substring(name.lastIndexOf(' ') + 1) + " "
                        + name.substring(0, name.lastIndexOf(' '))));
            }
            if (i % 30 == 0) {
                for (String alias : person.names()) {
                    if (alias.length() > 4) {
                        out.add(ScreeningQuery.byName(alias.substring(0, 3) + 'X' + alias.substring(4)));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> hits(ScreeningIndex index, ScreeningQuery query) {
        return index.screen(query, 10).stream().map(h -> h.listId() + "/" + h.entryId() + " " + h.score() + " "
                + h.matchedName() + " " + h.explanation()).toList();
    }
}
