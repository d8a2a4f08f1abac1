package org.ibex.cli;

import org.ibex.disclosure.Attacker;
import org.ibex.disclosure.ProtectedTable;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex stats crossings} as an analyst publishes from it: counts as CSV, and a two-way table under disclosure
 * control whose suppressed cells an attacker, holding the published file and nothing else, cannot narrow to less
 * than the threshold; {@code ibex stats rebuild} recounts the same figures from the crossings.
 */
class StatsCommandTest {
    private static final String[] NATIONS = {"FRA", "THA", "DEU", "ITA", "ESP"};
    /** Crossings per post (rows) and nationality (columns): small cells beside large ones, as real corridors give. */
    private static final int[][] COUNTS = {{12, 2, 9, 1, 14}, {7, 11, 1, 8, 3}, {20, 6, 10, 0, 13}};
    private static TestDataFolder data;

    @BeforeAll
    static void importCrossingsAtThreePosts() throws IOException {
        data = TestDataFolder.create();
        StringBuilder csv = new StringBuilder("uid,direction,post,occurredAt,mrz\n");
        int n = 0;
        for (int post = 0; post < COUNTS.length; post++) {
            CliRun added = CliRun.of("post", "add", "--data", data.arg(), "--id", "POST-" + post, "--name", "Post "
                    + post, "--kind", "land", "--zone", "UTC");
            assertThat(added.exit()).as(added.output()).isZero();
            for (int nation = 0; nation < NATIONS.length; nation++) {
                for (int i = 0; i < COUNTS[post][nation]; i++, n++) {
                    String mrz = MrzWriter.td3(NATIONS[nation], "TRAVELLER", "ANNA", String.format("X%08d", n),
                            NATIONS[nation], LocalDate.of(1980, 1, 1), "F", LocalDate.of(2031, 1, 1), null);
                    csv.append("s-").append(n).append(",ENTRY,POST-").append(post).append(",2026-0")
                            .append(1 + n % 6).append("-1").append(n % 9).append("T08:00:00Z,\"").append(mrz)
                            .append("\"\n");
                }
            }
        }
        Path file = Files.createTempFile(data.path(), "crossings", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("import", "crossings", "--data", data.arg(), file.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
    }

    @Test
    void countsComeAsCsvWithAHeaderAndAgreeAfterARebuild() {
        CliRun counted = CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "post", "--from",
                "2026-01-01", "--to", "2026-06-30");
        assertThat(counted.exit()).as(counted.output()).isZero();
        assertThat(counted.out()).isEqualTo("post,crossings\r\nPOST-0,38\r\nPOST-1,30\r\nPOST-2,49\r\n");

        CliRun rebuilt = CliRun.of("stats", "rebuild", "--data", data.arg());
        assertThat(rebuilt.exit()).as(rebuilt.output()).isZero();
        assertThat(rebuilt.out()).contains("117 crossings in force", "0 stays");
        assertThat(CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "post", "--from", "2026-01-01",
                "--to", "2026-06-30").out()).isEqualTo(counted.out());
    }

    @Test
    void aPublishedTwoWayTableHidesItsSmallCellsFromAnAttacker() {
        CliRun run = CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "post,nationality", "--from",
                "2026-01-01", "--to", "2026-06-30", "--disclosure-control", "--threshold", "5", "--format", "csv");
        assertThat(run.exit()).as(run.output()).isZero();
        List<String[]> lines = run.out().lines().map(l -> l.split(",", -1)).toList();
        assertThat(lines.get(0)).containsExactly("post", "DEU", "ESP", "FRA", "ITA", "THA", "total");
        assertThat(lines.get(lines.size() - 1)[0]).isEqualTo("total");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).as("POST-0: DEU 9, ESP 14, FRA 12, ITA 1 (hidden), THA 2 (hidden), total 38")
                .contains("", "38");
        assertThat(lines.get(1)[4]).isEmpty();
        assertThat(lines.get(1)[5]).isEmpty();
        assertThat(lines.get(3)[7 - 1]).isEqualTo("49");

        ProtectedTable published = read(lines, 5);
        long hidden = published.cells().stream().flatMap(List::stream).filter(java.util.Objects::isNull).count();
        assertThat(hidden).as("ITA 1, THA 2 and DEU 1 below 5, with complements").isGreaterThanOrEqualTo(4);
        List<Attacker.Range> ranges = new Attacker(true).attack(published);
        assertThat(ranges).as("every empty cell is attacked").hasSize((int) hidden);
        for (Attacker.Range range : ranges) {
            assertThat(range.width()).as("what the attacker learns of cell (%d, %d): [%s, %s]", range.row(),
                    range.column(), range.min(), range.max()).isGreaterThanOrEqualTo(5 - 1e-6);
        }
    }

    @Test
    void theStatisticsLeaveOnlyUnderAThresholdAndInTwoDimensions() {
        CliRun low = CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "post,nationality", "--from",
                "2026-01-01", "--to", "2026-06-30", "--disclosure-control", "--threshold", "1");
        assertThat(low.exit()).isEqualTo(2);
        assertThat(low.err()).contains("threshold must be at least 3");
        CliRun oneWay = CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "post", "--disclosure-control");
        assertThat(oneWay.exit()).isEqualTo(2);
        assertThat(oneWay.err()).contains("exactly two");
        CliRun badDimension = CliRun.of("stats", "crossings", "--data", data.arg(), "--by", "colour");
        assertThat(badDimension.exit()).isEqualTo(2);
        assertThat(badDimension.err()).contains("by must be one of");
    }

    @Test
    void staysComeAsCsvAndAMalformedQuestionExitsWithTwo() {
        CliRun stays = CliRun.of("stats", "stays", "--data", data.arg(), "--by", "length,nationality", "--from",
                "2026-01-01", "--to", "2026-06-30");
        assertThat(stays.exit()).as(stays.output()).isZero();
        assertThat(stays.out()).as("entries only: no stay has ended").isEqualTo("length,nationality,stays\r\n");
        CliRun json = CliRun.of("stats", "stays", "--data", data.arg(), "--format", "json", "--from", "2026-01-01",
                "--to", "2026-06-30");
        assertThat(json.out()).contains("\"by\":[\"length\"]", "\"total\":0");
        CliRun badDimension = CliRun.of("stats", "stays", "--data", data.arg(), "--by", "sex");
        assertThat(badDimension.exit()).isEqualTo(2);
        assertThat(badDimension.err()).contains("stays are counted by");
        CliRun halfMonth = CliRun.of("stats", "stays", "--data", data.arg(), "--from", "2026-01-15");
        assertThat(halfMonth.exit()).isEqualTo(2);
        assertThat(halfMonth.err()).contains("from must be the first day of a month");
    }

    /** The published CSV read back as the attacker holds it: empty cells unknown. */
    private static ProtectedTable read(List<String[]> lines, int threshold) {
        List<String> columns = Arrays.asList(lines.get(0)).subList(1, lines.get(0).length - 1);
        List<String> rows = new ArrayList<>();
        List<List<Long>> cells = new ArrayList<>();
        List<Long> rowTotals = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size() - 1)) {
            rows.add(line[0]);
            List<Long> values = new ArrayList<>();
            for (int i = 1; i < line.length - 1; i++) {
                values.add(line[i].isEmpty() ? null : Long.parseLong(line[i]));
            }
            cells.add(values);
            rowTotals.add(line[line.length - 1].isEmpty() ? null : Long.parseLong(line[line.length - 1]));
        }
        String[] last = lines.get(lines.size() - 1);
        List<Long> columnTotals = new ArrayList<>();
        for (int i = 1; i < last.length - 1; i++) {
            columnTotals.add(last[i].isEmpty() ? null : Long.parseLong(last[i]));
        }
        Long total = last[last.length - 1].isEmpty() ? null : Long.parseLong(last[last.length - 1]);
        return new ProtectedTable("post", "nationality", rows, columns, cells, rowTotals, columnTotals, total, 0, 0,
                threshold, 0);
    }
}
