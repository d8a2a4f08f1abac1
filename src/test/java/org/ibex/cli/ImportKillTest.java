package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM imports crossings and is killed with SIGKILL mid-import. Every batch it reported committed
 * must be intact, no partial batch may exist, and a rerun must complete the import with no duplicates.
 */
class ImportKillTest {
    private static final int ROWS = 6000;
    private static final int BATCH = 100;

    @Test
    void sigkillDuringImportLeavesWholeBatchesAndARerunCompletesWithoutDuplicates() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        Path data = folder.path();
        StoreConfig store = folder.store();
        try (Node node = Node.open(data, Map.of(), Clock.systemUTC())) {
            node.services.posts().add(new Post("POST-K", "Kill test post", Post.Kind.LAND, ZoneId.of("UTC")));
        }
        Path csv = data.resolve("crossings.csv");
        Map<String, String[]> rows = writeCrossings(csv);

        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", "crossings", csv.toString(), "--data", data.toString(),
                "--batch", Integer.toString(BATCH), "--report-commits")
                .redirectErrorStream(true).start();
        int lastReported = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("committed ")) {
                    lastReported = Integer.parseInt(line.substring(10).trim());
                    if (lastReported >= 1500) {
                        // A random pause puts the kill anywhere inside the next batch's transaction.
                        Thread.sleep(new Random().nextInt(40));
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        assertThat(lastReported).as("child output: %s", output).isGreaterThanOrEqualTo(1500);
        assertThat(lastReported).as("the child must be killed before finishing").isLessThan(ROWS);

        try (Database database = Database.open(store)) {
            Map<String, String[]> stored = storedCrossings(database);
            assertThat(stored.size()).as("every committed crossing survives the kill").isGreaterThanOrEqualTo(lastReported);
            assertThat(stored.size() % BATCH).as("only whole batches are stored (found %d)", stored.size()).isZero();
            for (Map.Entry<String, String[]> entry : stored.entrySet()) {
                assertThat(entry.getValue()).as("stored row %s equals its source row", entry.getKey())
                        .containsExactly(rows.get(entry.getKey()));
            }
            // One statement, one snapshot: on PostgreSQL a commit the killed child had already sent may still land.
            assertThat(count(database, "SELECT (SELECT COUNT(*) FROM crossing) - (SELECT COUNT(*) FROM access_log"
                    + " WHERE action = 'crossing.record')"))
                    .as("each stored crossing has its access entry, written in the same transaction").isZero();
        }

        int exit = Main.run("import", "crossings", csv.toString(), "--data", data.toString(), "--batch", "500");
        assertThat(exit).isZero();
        try (Database database = Database.open(store)) {
            assertThat(storedCrossings(database)).hasSize(ROWS);
            assertThat(count(database, "SELECT COUNT(*) FROM person")).as("one person per traveller").isEqualTo(ROWS);
        }
    }

    private static Map<String, String[]> writeCrossings(Path csv) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        StringBuilder text = new StringBuilder("uid,direction,post,occurredAt,mrz\n");
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        for (int i = 0; i < ROWS; i++) {
            String number = String.format("K%08d", i);
            String mrz = MrzWriter.td3("UTO", "KILLTEST", "TRAVELLER", number, "XXA", LocalDate.of(1970, 1, 1).plusDays(i),
                    "F", LocalDate.of(2031, 1, 1), null);
            String uid = "kill-" + i;
            String at = start.plusSeconds(i * 60L).toString();
            rows.put(uid, new String[]{"ENTRY", "POST-K", number, Instant.parse(at).toString()});
            text.append(uid).append(",ENTRY,POST-K,").append(at).append(",\"").append(mrz).append("\"\n");
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return rows;
    }

    private static Map<String, String[]> storedCrossings(Database database) {
        return database.read(connection -> {
            Map<String, String[]> out = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT uid, direction, post_id, document_number, occurred_at FROM crossing");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    out.put(row.getString(1), new String[]{row.getString(2), row.getString(3), row.getString(4),
                            row.getTimestamp(5).toInstant().toString()});
                }
            }
            return out;
        });
    }

    private static long count(Database database, String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
