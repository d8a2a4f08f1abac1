package org.ibex.bench;

import org.ibex.border.CrossingRecords.ReplicatedCrossing;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticHistoryTest {
    private static final List<Post> POSTS = List.of(
            new Post("GEN-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("Australia/Brisbane")),
            new Post("GEN-LAND", "Land", Post.Kind.LAND, ZoneId.of("Australia/Brisbane")),
            new Post("GEN-SEA", "Sea", Post.Kind.SEAPORT, ZoneId.of("Australia/Brisbane")));
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private static List<ReplicatedCrossing> generate(long count, long seed) {
        List<ReplicatedCrossing> out = new ArrayList<>();
        new SyntheticHistory(new SyntheticHistory.Settings(count, seed, FROM, TO, POSTS), Map.of()).generate(out::add);
        return out;
    }

    @Test
    void theSameSeedGivesTheSameHistoryOfExactlyTheCountAsked() {
        List<ReplicatedCrossing> a = generate(20_000, 7);
        assertThat(a).hasSize(20_000);
        assertThat(generate(20_000, 7)).isEqualTo(a);
        assertThat(generate(20_000, 8)).isNotEqualTo(a);
        assertThat(a).allSatisfy(c -> assertThat(c.occurredAt().atZone(ZoneId.of(c.zoneId())).toLocalDate())
                .isBetween(FROM, TO));
    }

    @Test
    void theHistoryHasSeasonsCorridorsStaysOverstaysLateArrivalsAndCorrections() {
        List<ReplicatedCrossing> all = generate(60_000, 3);
        Map<Month, Integer> byMonth = new HashMap<>();
        Map<String, Map<String, Integer>> byPost = new HashMap<>();
        int entries = 0;
        int late = 0;
        int corrections = 0;
        Map<String, Integer> perDocument = new HashMap<>();
        for (ReplicatedCrossing c : all) {
            byMonth.merge(c.occurredAt().atZone(ZoneId.of(c.zoneId())).getMonth(), 1, Integer::sum);
            byPost.computeIfAbsent(c.postId(), p -> new HashMap<>()).merge(c.document().nationality(), 1, Integer::sum);
            entries += c.direction() == Direction.ENTRY ? 1 : 0;
            late += c.late() && c.supersedesUid() == null ? 1 : 0;
            corrections += c.supersedesUid() != null ? 1 : 0;
            perDocument.merge(c.document().documentNumber(), 1, Integer::sum);
        }
        // Summer and the holidays busier than a quiet month.
        assertThat(byMonth.get(Month.JULY)).isGreaterThan((int) (byMonth.get(Month.NOVEMBER) * 1.2));
        assertThat(byMonth.get(Month.AUGUST)).isGreaterThan(byMonth.get(Month.FEBRUARY));
        // Each post has its own leading corridor: the neighbour at the land post.
        assertThat(top(byPost.get("GEN-LAND"))).isIn("XXB", "UTO");
        assertThat(byPost.get("GEN-AIR")).hasSizeGreaterThan(20);
        // People come and go: entries and exits about even, travellers crossing several times.
        assertThat(entries).isBetween(all.size() * 40 / 100, all.size() * 60 / 100);
        assertThat(perDocument.values().stream().filter(n -> n >= 4).count()).isGreaterThan(100);
        assertThat(late).isBetween(all.size() / 1000, all.size() / 20);
        assertThat(corrections).isBetween(all.size() / 1000, all.size() / 50);
        // Corrections follow the crossing they supersede.
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i).uid(), i);
        }
        for (int i = 0; i < all.size(); i++) {
            String old = all.get(i).supersedesUid();
            if (old != null && position.containsKey(old)) {
                assertThat(position.get(old)).isLessThan(i);
            }
        }
    }

    @Test
    void storedThroughTheCrossingRecordsWithPersonsAndCorrectionsAndRerunStoresNothingTwice() throws Exception {
        try (Database database = TestDatabases.fresh()) {
            long count = 6_000;
            HistoryWriter writer = new HistoryWriter(database, new Progress(new PrintStream(new ByteArrayOutputStream()),
                    false, "crossings", count));
            long start = System.nanoTime();
            SyntheticHistory.Summary summary = new SyntheticHistory(new SyntheticHistory.Settings(count, 5, FROM, TO,
                    POSTS), Map.of()).generate(writer);
            writer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("stored %d crossings in %.1f s: %.0f/s; %s%n", writer.stored(), seconds,
                    writer.stored() / seconds, summary);
            assertThat(writer.stored()).isEqualTo(count);
            assertThat(number(database, "SELECT COUNT(*) FROM crossing")).isEqualTo(count);
            assertThat(number(database, "SELECT COUNT(*) FROM crossing WHERE supersedes IS NOT NULL"))
                    .isEqualTo(summary.corrections());
            assertThat(number(database, "SELECT COUNT(DISTINCT person_id) FROM crossing"))
                    .isBetween(summary.travellers() * 99 / 100, summary.travellers());
            assertThat(number(database, "SELECT COUNT(*) FROM crossing WHERE late")).isEqualTo(summary.late()
                    + summary.corrections());

            HistoryWriter again = new HistoryWriter(database, new Progress(new PrintStream(new ByteArrayOutputStream()),
                    false, "crossings", count));
            new SyntheticHistory(new SyntheticHistory.Settings(count, 5, FROM, TO, POSTS), Map.of()).generate(again);
            again.flush();
            assertThat(again.stored()).isZero();
            assertThat(again.alreadyHeld()).isEqualTo(count);
        }
    }

    private static long number(Database database, String sql) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
