package org.ibex.watchlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.ibex.watchlist.TestInputs.parseText;
import static org.ibex.watchlist.TestInputs.repeated;

/** Huge, random and endless inputs fail early, with a file-level error, in little memory. */
class HostileInputTest {
    private static final long MB = 1024 * 1024;
    private static final long HUGE = 200 * MB;

    static Stream<WatchlistParser> parsers() {
        return Stream.of(new WatchlistCsv(), new WatchlistJson(), new UnConsolidatedListXml(), new OpenSanctionsSimpleCsv());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void randomBytesFailAsNotUtf8AfterReadingOnlyTheFirstFewKilobytes(WatchlistParser parser) {
        warmUp(parser);
        TestInputs.RandomBytes random = new TestInputs.RandomBytes(42, HUGE, null);

        Measured measured = measure(() -> parser.parse(random, "l", null));

        assertThat(measured.parsed().errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isEqualTo(RowError.ENCODING);
        });
        assertThat(random.bytesRead()).as("bytes read of %d", HUGE).isLessThan(64 * 1024);
        assertThat(measured.allocated()).as("bytes allocated while parsing").isLessThan(8 * MB);
    }

    @Test
    void aCsvRowThatNeverEndsFailsAtTheRowLimit() {
        WatchlistCsv csv = new WatchlistCsv();
        warmUp(csv);
        InputStream endless = repeated("id,name\nX-1,", "a".repeat(60_000) + ",", 5_000, "\n");

        Measured measured = measure(() -> csv.parse(endless, "l", null));

        assertThat(measured.parsed().errors()).extracting(RowError::row, RowError::rule)
                .containsExactly(org.assertj.core.api.Assertions.tuple(0, RowError.ROW_TOO_LONG));
        assertThat(measured.parsed().errors().get(0).message()).contains("more than 1048576 characters");
        assertThat(measured.allocated()).as("about the row limit, never the 300 MB of input").isLessThan(64 * MB);
    }

    @Test
    void aCsvFieldOverSixtyFourKibibytesFails() {
        InputStream longField = repeated("id,name\nX-1,", "a", 70_000, "\n");

        ParsedEntries parsed = new WatchlistCsv().parse(longField, "l", null);

        assertThat(parsed.errors()).extracting(RowError::rule).containsExactly(RowError.FIELD_TOO_LONG);
        assertThat(parsed.errors().get(0).message()).contains("line 2", "longer than 65536");
    }

    @Test
    void aJsonStringThatNeverEndsFailsAtTheFieldLimit() {
        WatchlistJson json = new WatchlistJson();
        warmUp(json);
        TestInputs.RandomBytes letters = new TestInputs.RandomBytes(7, HUGE, "abcdefgh ".getBytes());
        InputStream endless = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream("[{\"id\":\"X\",\"name\":\"".getBytes()), letters);

        Measured measured = measure(() -> json.parse(endless, "l", null));

        assertThat(measured.parsed().errors()).extracting(RowError::row, RowError::rule)
                .containsExactly(org.assertj.core.api.Assertions.tuple(0, RowError.FIELD_TOO_LONG));
        assertThat(letters.bytesRead()).isLessThan(2 * MB);
        assertThat(measured.allocated()).isLessThan(64 * MB);
    }

    @Test
    void anXmlElementThatNeverEndsFailsAtALimit() {
        UnConsolidatedListXml un = new UnConsolidatedListXml();
        warmUp(un);
        TestInputs.RandomBytes letters = new TestInputs.RandomBytes(7, HUGE, "abcdefgh ".getBytes());
        InputStream endless = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(
                "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>".getBytes()), letters);

        Measured measured = measure(() -> un.parse(endless, "l", null));

        assertThat(measured.parsed().errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.rule()).isIn(RowError.FIELD_TOO_LONG, RowError.ROW_TOO_LONG);
        });
        assertThat(letters.bytesRead()).isLessThan(2 * MB);
        assertThat(measured.allocated()).isLessThan(64 * MB);
    }

    @Test
    void random7BitTextIsRefusedAsSyntaxByJsonAndXml() {
        for (WatchlistParser parser : List.of(new WatchlistJson(), new UnConsolidatedListXml())) {
            TestInputs.RandomBytes text = new TestInputs.RandomBytes(3, HUGE, "qwerty{}<>\"' \n,;".getBytes());

            ParsedEntries parsed = parser.parse(text, "l", null);

            assertThat(parsed.complete()).as(parser.getClass().getSimpleName()).isFalse();
            assertThat(text.bytesRead()).as(parser.getClass().getSimpleName()).isLessThan(2 * MB);
        }
    }

    @Test
    void stopsAfterTheRowLimit() {
        ParseLimits fiveRows = new ParseLimits(64 * 1024, 1024 * 1024, 5, 100, 1000);
        InputStream rows = repeated("id,name\n", "X,Anna\n", 1_000_000, "");

        ParsedEntries parsed = new WatchlistCsv(fiveRows).parse(rows, "l", null);

        assertThat(parsed.persons()).hasSize(5);
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule)
                .containsExactly(org.assertj.core.api.Assertions.tuple(0, RowError.TOO_MANY_ROWS));
        assertThat(parsed.errors().get(0).message()).contains("more than 5 rows");
        assertThat(ParseLimits.DEFAULT.maxRows()).isEqualTo(10_000_000);
    }

    @Test
    void stopsAfterTheErrorLimitSoThatAWrongFileCannotFillMemoryWithErrors() {
        ParseLimits threeErrors = new ParseLimits(64 * 1024, 1024 * 1024, 1000, 3, 1000);

        ParsedEntries parsed = parseText(new WatchlistCsv(threeErrors), "id,name,sex\n1,A,Q\n2,B,Q\n3,C,Q\n4,D,Q\n5,E,Q\n");

        assertThat(parsed.errors()).extracting(RowError::row).containsExactly(1, 2, 3, 0);
        assertThat(parsed.errors().get(3).rule()).isEqualTo(RowError.TOO_MANY_ERRORS);
    }

    @Test
    void keepsErrorMessagesShortWhateverTheValue() {
        String hugeDate = "x".repeat(60_000);

        ParsedEntries parsed = parseText(new WatchlistCsv(), "id,name,dateOfBirth\n1,Anna," + hugeDate + "\n");

        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.message().length()).isLessThanOrEqualTo(501));
    }

    private record Measured(ParsedEntries parsed, long allocated) {
    }

    /** What the current thread allocated while parsing; skipped where the JVM cannot tell. */
    private static Measured measure(Supplier<ParsedEntries> parse) {
        var threads = ManagementFactory.getThreadMXBean();
        assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
        var sun = (com.sun.management.ThreadMXBean) threads;
        assumeThat(sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled()).isTrue();
        long before = sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        ParsedEntries parsed = parse.get();
        return new Measured(parsed, sun.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
    }

    /** Loads the classes and tables a first parse needs, so that the measured parse counts only itself. */
    @Test
    void prosePassedAsADocumentNumberOrADateNoteIsReadInBoundedTime() {
        String hostile = "(".repeat(60_000) + " number " + "1 ".repeat(2_000);
        String xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER>"
                + "<FIRST_NAME>A</FIRST_NAME><INDIVIDUAL_DOCUMENT><NUMBER>" + hostile + "</NUMBER><NOTE>" + hostile
                + "</NOTE></INDIVIDUAL_DOCUMENT><INDIVIDUAL_DOCUMENT><NOTE>" + hostile + "</NOTE></INDIVIDUAL_DOCUMENT>"
                + "<INDIVIDUAL_DATE_OF_BIRTH><NOTE>" + hostile + " 1970 Jan 12 years old</NOTE>"
                + "</INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        long start = System.nanoTime();

        ParsedEntries parsed = TestInputs.parseText(new UnConsolidatedListXml(), xml);

        assertThat(System.nanoTime() - start).as("no regular expression runs away").isLessThan(5_000_000_000L);
        assertThat(parsed.persons()).singleElement().satisfies(p -> {
            assertThat(p.documents()).isEmpty();
            assertThat(p.datesOfBirth()).isEmpty();
        });
        assertThat(parsed.errors()).allMatch(RowError::isWarning).extracting(RowError::field)
                .containsExactlyInAnyOrder("INDIVIDUAL_DOCUMENT", "INDIVIDUAL_DOCUMENT", "INDIVIDUAL_DATE_OF_BIRTH");
        assertThat(parsed.errors()).allMatch(e -> e.message().length() < 400);
    }

    private static void warmUp(WatchlistParser parser) {
        parseText(parser, "");
        parseText(parser, "[{\"id\":\"1\",\"name\":\"A\"}]");
        parseText(parser, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME>"
                + "<NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
        parseText(parser, "id,schema,name,countries\n1,Person,A,ru\n");
        parseText(parser, "id,name\n1,A\n\u00e9\n");
        parser.parse(new java.io.ByteArrayInputStream(new byte[] {(byte) 0xff}), "l", null);
    }
}
