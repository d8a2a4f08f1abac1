package org.ibex.watchlist;

import org.ibex.names.NameMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed file of a list, on the real UN list: read back it gives the very persons and keys it was written with;
 * written for another stamp or by another matcher, or damaged in any byte or cut short anywhere, it is refused
 * with a reason, never trusted and never thrown.
 */
class KeyedListFileTest {
    static final Path UN = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists",
            "un_consolidated_2018-10-29.xml");
    private static KeyedList un;
    private final KeyedListFile format = new KeyedListFile("matcher-a");
    @TempDir
    Path folder;

    @BeforeAll
    static void keyTheUnList() {
        List<PersonEntry> persons = WatchlistFiles.parse(UN, "un", null, null).persons();
        un = new KeyedList("un", "2026-12-06T10:00:00Z v3 n" + persons.size() + " s24", persons,
                new PersonIndex(new NameMatcher()).keyAll(persons));
    }

    @Test
    void readsBackEveryPersonAndEveryKeyedNameAsWritten() throws IOException {
        Path file = folder.resolve("un.keys");
        format.write(file, un);

        KeyedListFile.Outcome read = format.read(file, "un", un.stamp());

        assertThat(read.refusal()).isNull();
        assertThat(read.list().entries()).as("every field of every person").isEqualTo(un.entries());
        assertThat(read.list().keyed()).as("names, keys and blocking keys token by token").isEqualTo(un.keyed());
        assertThat(un.entries()).hasSizeGreaterThan(600);
        assertThat(Files.list(folder)).as("the temporary file was moved into place").containsExactly(file);
    }

    @Test
    void refusesAFileMadeForAnotherStateOfTheListOrByAnotherMatcher() throws IOException {
        Path file = folder.resolve("un.keys");
        format.write(file, un);

        assertThat(format.read(file, "un", "2026-12-06T11:00:00Z v4 n700 s24").refusal()).startsWith("stale");
        assertThat(format.read(file, "other", un.stamp()).refusal()).startsWith("stale");
        assertThat(new KeyedListFile("matcher-b").read(file, "un", un.stamp()).refusal())
                .isEqualTo("stale: keyed by another version of the name matcher");
        assertThat(format.read(folder.resolve("none.keys"), "un", un.stamp()).refusal()).isEqualTo("no keyed file");
    }

    @Test
    void refusesAFileWithAnyByteFlipped() throws IOException {
        Path file = folder.resolve("un.keys");
        format.write(file, un);
        byte[] good = Files.readAllBytes(file);

        for (int at : positions(good.length)) {
            byte[] bad = good.clone();
            bad[at] ^= 0x5a;
            Files.write(file, bad);

            KeyedListFile.Outcome read = format.read(file, "un", un.stamp());
            assertThat(read.list()).as("byte %d of %d flipped", at, good.length).isNull();
            assertThat(read.refusal()).as("byte %d", at).matches("(damaged|stale).*");
        }
    }

    @Test
    void refusesAFileCutShortAnywhere() throws IOException {
        Path file = folder.resolve("un.keys");
        format.write(file, un);
        byte[] good = Files.readAllBytes(file);

        for (int length : positions(good.length)) {
            Files.write(file, Arrays.copyOf(good, length));

            KeyedListFile.Outcome read = format.read(file, "un", un.stamp());
            assertThat(read.list()).as("cut to %d of %d bytes", length, good.length).isNull();
            assertThat(read.refusal()).as("cut to %d", length).matches("(damaged|stale).*");
        }
    }

    @Test
    void refusesGarbageOfAnyLength() throws IOException {
        Path file = folder.resolve("un.keys");
        java.util.Random random = new java.util.Random(15);
        for (int length : new int[]{0, 7, 24, 100, 70_000}) {
            byte[] junk = new byte[length];
            random.nextBytes(junk);
            Files.write(file, junk);

            assertThat(format.read(file, "un", un.stamp()).list()).as("%d random bytes", length).isNull();
        }
    }

    /** The header, the key table, the first and last blocks, the checksum: a spread of offsets over the file. */
    private static int[] positions(int length) {
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0, 8, 12, 20, 40, 90, 200, 1000, 5000,
                        length / 2, length - 9, length - 8, length - 1),
                java.util.stream.IntStream.range(1, 20).map(i -> (int) ((long) length * i / 20)))
                .filter(p -> p >= 0 && p < length).distinct().sorted().toArray();
    }
}
