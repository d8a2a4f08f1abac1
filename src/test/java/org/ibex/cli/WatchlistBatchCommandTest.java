package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code watchlist screen --file}, {@code watchlist show} and {@code watchlist search} against the real UN
 * Security Council list of 2018, imported once into a node as an operator would.
 */
class WatchlistBatchCommandTest {
    static final Path UN = Path.of("../shared/data/watchlists/un_consolidated_2018-10-29.xml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDataFolder folder;

    @BeforeAll
    static void importTheUnList() {
        folder = TestDataFolder.create();
        CliRun imported = CliRun.of("watchlist", "import", UN.toString(), "--list", "unsc", "--owner",
                "UN Security Council", "--data", folder.arg());
        assertThat(imported.exit()).as(imported.output()).isZero();
    }

    @Test
    void aBatchWritesOneJsonObjectPerRowInOrderWithExplainedHitsAndASummaryOnStandardError() throws Exception {
        Path batch = csv("id,name,dateOfBirth,nationality,sex,documentNumber\n"
                + "t1,KONY JOSEPH,,,,\n"
                + "t2,ANNE MARTIN,1980-01-02,FRA,F,\n"
                + "t3,عبد القادر لاغوب,,,,\n"
                + "t4,SOMEONE,1980-13-01,,,\n");
        CliRun run = CliRun.of("watchlist", "screen", "--file", batch.toString(), "--data", folder.arg());
        List<JsonNode> rows = jsonLines(run.out());
        assertThat(rows).extracting(r -> r.path("id").asText()).containsExactly("t1", "t2", "t3", "t4");
        JsonNode kony = rows.get(0).path("hits");
        assertThat(kony.size()).isPositive();
        assertThat(kony.get(0).path("list").asText()).isEqualTo("unsc");
        assertThat(kony.get(0).path("entryId").asText()).isEqualTo("CFi.009");
        assertThat(kony.get(0).path("score").asDouble()).isBetween(0.8, 1.0);
        assertThat(kony.get(0).path("explanation").asText()).isNotBlank();
        assertThat(rows.get(1).path("hits").isArray()).isTrue();
        assertThat(rows.get(2).at("/hits/0/entryId").asText()).as("the original Arabic script").isEqualTo("QDi.190");
        assertThat(rows.get(3).path("line").asInt()).isEqualTo(5);
        assertThat(rows.get(3).path("error").asText()).isEqualTo("line 5: dateOfBirth '1980-13-01' must be a date"
                + " yyyy-MM-dd");
        assertThat(rows.get(3).has("hits")).isFalse();
        assertThat(run.exit()).as("a row that did not read makes the run fail, after all rows").isEqualTo(1);
        assertThat(run.err()).contains("4 rows screened").contains("1 could not be read").contains("rows/s");
        assertThat(run.printedStackTrace()).isFalse();
    }

    @Test
    void aCleanBatchExitsZeroAndIsOneActInTheAccessLogWithTheFileAndItsDigest() throws Exception {
        String content = "id,name,dateOfBirth,nationality,sex,documentNumber\nr1,JOSEPH KONY,,UGA,M,\n"
                + "r2,JOHN ORDINARY PERSON,1990-05-05,GBR,M,\nr3,MARIA GARCIA,1985-07-07,ESP,F,\n";
        Path batch = csv(content);
        CliRun run = CliRun.of("watchlist", "screen", "--file", batch.toString(), "--data", folder.arg());
        assertThat(run.exit()).as(run.output()).isZero();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        List<String> subjects = new ArrayList<>();
        try (Database db = folder.openDatabase()) {
            db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT action, subject FROM access_log"
                        + " WHERE subject LIKE '%" + batch.getFileName() + "%' OR action = 'watchlist.screen.batch.hits'"
                        + " ORDER BY id")) {
                    while (rs.next()) {
                        subjects.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                return null;
            });
        }
        String name = batch.getFileName().toString();
        assertThat(subjects).filteredOn(s -> s.contains(name)).hasSize(2);
        assertThat(subjects).contains("watchlist.screen.batch started file=\"" + name + "\"");
        assertThat(subjects).anyMatch(s -> s.matches(java.util.regex.Pattern.quote("watchlist.screen.batch file=\""
                + name + "\" rows=3 failed=0 with-hits=") + "[1-3] hits=\\d+ sha256=" + digest));
        assertThat(subjects).anyMatch(s -> s.startsWith("watchlist.screen.batch.hits") && s.contains("r1 unsc/CFi.009"));
    }

    @Test
    void aFileThatIsNotABatchStopsWithTheRuleAndNoStackTrace() throws Exception {
        CliRun run = CliRun.of("watchlist", "screen", "--file", csv("name,dob\nJOHN,1970\n").toString(),
                "--data", folder.arg());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the header lacks column id");
        assertThat(run.out()).isEmpty();
        assertThat(run.printedStackTrace()).isFalse();
        Path latin1 = Files.createTempFile("batch", ".csv");
        Files.write(latin1, "id,name,dateOfBirth,nationality,sex,documentNumber\n1,JOS\u00c9,,,,\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun notUtf8 = CliRun.of("watchlist", "screen", "--file", latin1.toString(), "--data", folder.arg());
        assertThat(notUtf8.exit()).isEqualTo(2);
        assertThat(notUtf8.err()).contains("not UTF-8");
    }

    @Test
    void aBatchRunsAgainstAListFileInMemoryToo() throws Exception {
        Path batch = csv("id,name,dateOfBirth,nationality,sex,documentNumber\nq,KONY JOSEF,,,,\n");
        CliRun run = CliRun.of("watchlist", "screen", "--list", UN.toString(), "--file", batch.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(jsonLines(run.out())).singleElement()
                .satisfies(row -> assertThat(row.at("/hits/0/entryId").asText()).isEqualTo("CFi.009"));
    }

    @Test
    void showPrintsEveryNameDateNationalityAndDocumentOfAnEntry() throws Exception {
        try (org.ibex.node.Node node = org.ibex.node.Node.open(folder.path(), System.getenv(),
                java.time.Clock.systemUTC())) {
            node.services.watchlists().replace(new org.ibex.watchlist.ListImport("local", "Local", "Police", null, null,
                    null), List.of(new org.ibex.watchlist.PersonEntry("local", "L-1", List.of("JOSEPH KONY", "Джозеф Кони"),
                    List.of(org.ibex.watchlist.PartialDate.parse("1959"), org.ibex.watchlist.PartialDate.parse("1964-09-18")),
                    List.of("UGA", "SSD"), "M", "Odek, Omoro, Gulu, Uganda", List.of(
                    new org.ibex.watchlist.ListedDocument("B 123 456", "Passport", "UGA", "expired 2010")),
                    "LRA commander", "test", java.time.LocalDate.of(2016, 3, 7), null,
                    org.ibex.watchlist.EntryAction.REFUSE_ENTRY)), List.of(),
                    org.ibex.node.Operator.listManager("test list"));
        }
        CliRun shown = CliRun.of("watchlist", "show", "local", "L-1", "--data", folder.arg());
        assertThat(shown.exit()).as(shown.output()).isZero();
        assertThat(shown.out()).contains("JOSEPH KONY").contains("Джозеф Кони").contains("1959; 1964-09-18")
                .contains("UGA; SSD").contains("Odek, Omoro").contains("B123456  Passport  issued by UGA  (expired 2010)")
                .contains("2016-03-07").contains("REFUSE_ENTRY").contains("sex             M");
        JsonNode entry = JSON.readTree(CliRun.of("watchlist", "show", "local", "L-1", "--json", "--data",
                folder.arg()).out());
        assertThat(entry.path("datesOfBirth").toString()).isEqualTo("[\"1959\",\"1964-09-18\"]");
        assertThat(entry.path("nationalities").toString()).isEqualTo("[\"UGA\",\"SSD\"]");
        assertThat(entry.at("/documents/0/number").asText()).isEqualTo("B123456");
        assertThat(entry.path("placeOfBirth").asText()).isEqualTo("Odek, Omoro, Gulu, Uganda");
        assertThat(accessSubjects("watchlist.entries.read")).contains("list/local kind=person entry=L-1 count=1");
        CliRun un = CliRun.of("watchlist", "show", "unsc", "KPi.009", "--json", "--data", folder.arg());
        assertThat(JSON.readTree(un.out()).path("names").get(0).asText()).isEqualTo("KIM KWANG-IL");
        CliRun missing = CliRun.of("watchlist", "show", "unsc", "XXi.999", "--data", folder.arg());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("no entry 'XXi.999'");
        CliRun noList = CliRun.of("watchlist", "show", "nope", "X", "--data", folder.arg());
        assertThat(noList.exit()).isEqualTo(2);
        assertThat(noList.printedStackTrace()).isFalse();
    }

    @Test
    void searchFindsEntriesByAnyPartOfAnyName() {
        CliRun run = CliRun.of("watchlist", "search", "unsc", "kony", "--data", folder.arg());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("CFi.009\t"))
                .anyMatch(l -> l.startsWith("CFi.010\t")).anyMatch(l -> l.startsWith("CFi.011\t"));
        assertThat(run.err()).contains("entries");
        assertThat(accessSubjects("watchlist.entries.read")).anyMatch(subject -> subject.startsWith(
                "list/unsc kind=person search=kony"));
    }

    /** The subjects the access log holds for {@code action}, as the operator's commands left them. */
    private static List<String> accessSubjects(String action) {
        List<String> subjects = new ArrayList<>();
        try (Database db = folder.openDatabase()) {
            db.inTransaction(c -> {
                try (var select = c.prepareStatement("SELECT subject FROM access_log WHERE action = ? ORDER BY id")) {
                    select.setString(1, action);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            subjects.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        return subjects;
    }

    private static Path csv(String content) throws Exception {
        Path file = Files.createTempFile("batch", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }
}
