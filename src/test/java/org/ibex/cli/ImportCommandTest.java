package org.ibex.cli;

import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.border.StayRuleRepository;
import org.ibex.document.MrzWriter;
import org.ibex.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code ibex import} as an operator runs it: crossings row by row with each rejection named by row and
 * field, stay rules all or nothing, and a whole file refused (exit 2) when it cannot be read as a table.
 */
class ImportCommandTest {
    private static final String HEADER = "uid,direction,post,occurredAt,mrz";
    private TestDataFolder data;

    @BeforeEach
    void createDataFolderWithAPost() {
        data = TestDataFolder.create();
        CliRun post = CliRun.of("post", "add", "--data", data.arg(), "--id", "POST-T", "--name", "Test",
                "--kind", "land", "--zone", "UTC");
        assertThat(post.exit()).as(post.output()).isZero();
    }

    @Test
    void aValidCsvIsStoredAndImportingItAgainStoresNothingTwice() throws IOException {
        Path csv = write("crossings.csv", HEADER + "\n" + csvRow(1) + csvRow(2) + csvRow(3));

        CliRun first = importCrossings(csv);

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.out()).contains("3 rows: 3 stored, 0 already present, 0 rejected");
        assertThat(storedUids()).containsExactlyInAnyOrder("t-1", "t-2", "t-3");

        CliRun again = importCrossings(csv);

        assertThat(again.exit()).as("a rerun after an interruption is safe; %s", again.output()).isZero();
        assertThat(again.out()).contains("3 rows: 0 stored, 3 already present, 0 rejected");
        assertThat(storedUids()).as("no duplicates").hasSize(3);
    }

    @Test
    void badRowsAreRejectedByRowAndFieldWhileTheGoodRowsAreStored() throws IOException {
        String header = HEADER + ",dateOfIssue";
        Path csv = write("mixed.csv", header + "\n"
                + csvRow(1).strip() + ",2020-01-15\n"
                + "t-2,SIDEWAYS,POST-T,2026-06-01T08:02:00Z," + quotedMrz(2) + ",\n"
                + "t-3,ENTRY,POST-T,yesterday," + quotedMrz(3) + ",\n"
                + "t-4,ENTRY,POST-T,2026-06-01T08:04:00Z," + quotedMrz(4) + ",2020-13-45\n"
                + "t-5,ENTRY,POST-NOWHERE,2026-06-01T08:05:00Z," + quotedMrz(5) + ",\n"
                + "t-6,ENTRY\n"
                + csvRow(7).strip() + ",\n");

        CliRun run = importCrossings(csv);

        assertThat(run.exit()).as("some rows rejected is exit 1; %s", run.output()).isEqualTo(1);
        assertThat(run.out()).contains("7 rows: 2 stored, 0 already present, 5 rejected");
        assertThat(rejections(run)).as("each rejection names its row and the field at fault").containsExactlyInAnyOrder(
                "rejected row 2: direction: direction must be ENTRY or EXIT (got 'SIDEWAYS')",
                "rejected row 3: occurredAt: occurredAt must be an ISO instant such as 2026-03-01T08:15:00Z"
                        + " (got 'yesterday')",
                "rejected row 4: dateOfIssue: dateOfIssue must be yyyy-MM-dd (got '2020-13-45')",
                "rejected row 5: postId: unknown post 'POST-NOWHERE'",
                "rejected row 6 has 2 fields, the header has 6");
        assertThat(storedUids()).as("the good rows around the bad ones are stored").containsExactlyInAnyOrder("t-1", "t-7");
    }

    @Test
    void anUnknownColumnRefusesTheWholeFileAndNamesTheColumn() throws IOException {
        Path csv = write("typo.csv", HEADER + ",ocupation\n" + csvRow(1).strip() + ",pilot\n");

        CliRun run = importCrossings(csv);

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("unknown column 'ocupation'");
        assertThat(storedUids()).as("a file with a wrong header is refused before any row").isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAMessageSayingSo() throws IOException {
        // JOSÉ as an ISO-8859-1 editor saves it: the lone byte 0xE9 is not UTF-8.
        String text = "uid,direction,post,occurredAt,documentNumber,surname,givenNames,nationality,dateOfBirth,"
                + "dateOfExpiry,nameOriginal\n"
                + "t-1,ENTRY,POST-T,2026-06-01T08:00:00Z,X1234567,GARCIA,JOSE,ESP,1980-02-03,2031-01-01,Jos\u00e9 Garc\u00eda\n";
        Path csv = data.path().resolve("latin1.csv");
        Files.write(csv, text.getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = importCrossings(csv);

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("not UTF-8");
        assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        assertThat(storedUids()).as("bytes are never silently replaced and stored").isEmpty();
    }

    @Test
    void aJsonArrayOfTheSameDataIsStoredAsTheCsvWouldBe() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 3; i++) {
            json.append(i > 1 ? ",\n" : "\n").append(String.format(
                    "{\"uid\":\"t-%d\",\"direction\":\"ENTRY\",\"post\":\"POST-T\",\"occurredAt\":\"%s\",\"mrz\":\"%s\"}",
                    i, occurredAt(i), mrz(i).replace("\n", "\\n")));
        }
        Path file = write("crossings.json", json.append("\n]\n").toString());

        CliRun run = importCrossings(file);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("3 rows: 3 stored, 0 already present, 0 rejected");
        CliRun csv = importCrossings(write("crossings.csv", HEADER + "\n" + csvRow(1) + csvRow(2) + csvRow(3)));
        assertThat(csv.out()).as("the CSV form of the same rows finds them all stored")
                .contains("3 rows: 0 stored, 3 already present, 0 rejected");
    }

    @Test
    void aJsonFileThatIsNotAnArrayIsRefused() throws IOException {
        Path file = write("one.json", "{\"uid\":\"t-1\",\"direction\":\"ENTRY\",\"post\":\"POST-T\"}");

        CliRun run = importCrossings(file);

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("must be an array of objects");
    }

    @Test
    void aTextFileIsRefusedByItsName() throws IOException {
        Path file = write("crossings.txt", HEADER + "\n" + csvRow(1));

        CliRun run = importCrossings(file);

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).contains("must end in .csv or .json");
        assertThat(storedUids()).isEmpty();
    }

    @Test
    void validStayRulesAreImported() throws IOException {
        CliRun run = importStayRules(write("rules.csv", "nationality,permitType,kind,days,windowDays\n"
                + "UTO,,EXEMPT,,\n,VISA-C,VISA,,\nTHA,,FIXED_PER_ENTRY,30,\n,,ROLLING,90,180\n"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("4 stay rules imported");
        assertThat(storedRules()).containsOnly(
                entry(new StayRuleKey("UTO", null), StayRule.exempt()),
                entry(new StayRuleKey(null, "VISA-C"), StayPolicy.VISA_TERMS),
                entry(new StayRuleKey("THA", null), StayRule.fixedPerEntry(30)),
                entry(StayRuleKey.any(), StayRule.rolling(90, 180)));
    }

    @Test
    void oneBadStayRuleImportsNothing() throws IOException {
        CliRun good = importStayRules(write("rules.csv", "nationality,permitType,kind,days,windowDays\n"
                + "UTO,,EXEMPT,,\n,,ROLLING,90,180\n"));
        assertThat(good.exit()).as(good.output()).isZero();
        Map<StayRuleKey, StayRule> before = storedRules();

        CliRun bad = importStayRules(write("bad-rules.csv", "nationality,permitType,kind,days,windowDays\n"
                + "THA,,FIXED_PER_ENTRY,30,\n,,ROLLING,90,60\n"));

        assertThat(bad.exit()).as(bad.output()).isEqualTo(2);
        assertThat(bad.err()).contains("nothing imported").contains("row 2: windowDays must be >= days");
        assertThat(storedRules()).as("a half-applied rule table would decide stays inconsistently")
                .isEqualTo(before).doesNotContainKey(new StayRuleKey("THA", null));
    }

    private CliRun importCrossings(Path file) {
        return CliRun.of("import", "crossings", file.toString(), "--data", data.arg());
    }

    private CliRun importStayRules(Path file) {
        return CliRun.of("import", "stay-rules", file.toString(), "--data", data.arg());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(data.path().resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String mrz(int i) {
        return MrzWriter.td3("UTO", "IMPORT", "TRAVELLER " + (char) ('A' + i), String.format("T%08d", i), "THA",
                LocalDate.of(1980, 1, 1).plusDays(i), i % 2 == 0 ? "M" : "F", LocalDate.of(2031, 1, 1), null);
    }

    private static String quotedMrz(int i) {
        return "\"" + mrz(i) + "\"";
    }

    private static String occurredAt(int i) {
        return String.format("2026-06-01T08:%02d:00Z", i);
    }

    private static String csvRow(int i) {
        return "t-" + i + ",ENTRY,POST-T," + occurredAt(i) + "," + quotedMrz(i) + "\n";
    }

    private static List<String> rejections(CliRun run) {
        return run.out().lines().map(String::strip).filter(line -> line.startsWith("rejected ")).toList();
    }

    private List<String> storedUids() {
        try (Database database = data.openDatabase()) {
            return database.read(connection -> {
                List<String> uids = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT uid FROM crossing");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        uids.add(row.getString(1));
                    }
                }
                return uids;
            });
        }
    }

    private Map<StayRuleKey, StayRule> storedRules() {
        try (Database database = data.openDatabase()) {
            return new StayRuleRepository(database).all();
        }
    }
}
