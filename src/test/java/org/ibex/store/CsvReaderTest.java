package org.ibex.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CsvReader reads RFC 4180 files row by row and stops hostile files with an error naming the line. */
class CsvReaderTest {

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        String text = "name,remark\n"
                + "\"ERIKSSON, ANNA\",\"said \"\"hello\"\"\"\n"
                + "\"MULTI\",\"line one\nline two\"\n";

        assertThat(rows(text)).containsExactly(
                List.of("name", "remark"),
                List.of("ERIKSSON, ANNA", "said \"hello\""),
                List.of("MULTI", "line one\nline two"));
    }

    @Test
    void crlfAndLfLineEndingsReadTheSame() throws IOException {
        List<List<String>> lf = rows("uid,direction\na-1,ENTRY\na-2,EXIT\n");
        List<List<String>> crlf = rows("uid,direction\r\na-1,ENTRY\r\na-2,EXIT\r\n");

        assertThat(crlf).as("no stray CR at the end of the last field").isEqualTo(lf);
        assertThat(lf).containsExactly(List.of("uid", "direction"), List.of("a-1", "ENTRY"), List.of("a-2", "EXIT"));
    }

    @Test
    void aQuotedFieldKeepsACrlfInsideIt() throws IOException {
        assertThat(rows("\"a\r\nb\",c\r\n")).as("only the row ending CR is stripped")
                .containsExactly(List.of("a\r\nb", "c"));
    }

    @Test
    void emptyFieldsAreEmptyStrings() throws IOException {
        assertThat(rows("UTO,,EXEMPT,,\n,\"\",x\n")).containsExactly(
                List.of("UTO", "", "EXEMPT", "", ""),
                List.of("", "", "x"));
    }

    @Test
    void aBlankLineIsAnEmptyRow() throws IOException {
        assertThat(rows("a,b\n\nc,d\n\r\n")).as("blank lines are returned so the caller can skip or count them")
                .containsExactly(List.of("a", "b"), List.of(), List.of("c", "d"), List.of());
    }

    @Test
    void theLastLineNeedsNoNewline() throws IOException {
        assertThat(rows("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(rows("a,\"quoted last\"")).containsExactly(List.of("a", "quoted last"));
        assertThat(rows("")).as("an empty file has no rows").isEmpty();
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheLineWhereTheRowBegan() throws IOException {
        try (CsvReader reader = new CsvReader(new StringReader("a,b\nc,d\n\"never closed,e\nf\n"))) {
            reader.next();
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOf(CsvReader.CsvException.class)
                    .hasMessageContaining("line 3").hasMessageContaining("not closed");
        }
    }

    @Test
    void aFieldOverSixtyFourKibibytesIsAnErrorNotAnUnboundedAllocation() throws IOException {
        // An unclosed quote at the top of a huge file is the realistic case: everything after it is one field.
        Reader endless = new EndlessReader("\"", 'x');
        try (CsvReader reader = new CsvReader(endless)) {
            assertThatThrownBy(reader::next).isInstanceOf(CsvReader.CsvException.class)
                    .hasMessageContaining("line 1").hasMessageContaining("field longer than " + CsvReader.MAX_FIELD);
        }
        String unquoted = "a," + "y".repeat(CsvReader.MAX_FIELD + 1) + "\n";
        try (CsvReader reader = new CsvReader(new StringReader(unquoted))) {
            assertThatThrownBy(reader::next).isInstanceOf(CsvReader.CsvException.class)
                    .hasMessageContaining("field longer than");
        }
    }

    @Test
    void aFieldOfExactlySixtyFourKibibytesIsRead() throws IOException {
        String field = "z".repeat(CsvReader.MAX_FIELD);

        assertThat(rows("a," + field + "\n")).containsExactly(List.of("a", field));
    }

    @Test
    void moreThanFiveHundredTwelveFieldsIsAnError() throws IOException {
        String row = ",".repeat(CsvReader.MAX_FIELDS) + "\n";
        try (CsvReader reader = new CsvReader(new StringReader("h\n" + row))) {
            reader.next();

            assertThatThrownBy(reader::next).isInstanceOf(CsvReader.CsvException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("more than " + CsvReader.MAX_FIELDS + " fields");
        }
        try (CsvReader reader = new CsvReader(new StringReader(",".repeat(CsvReader.MAX_FIELDS)))) {
            assertThatThrownBy(reader::next).as("the last row needs no newline to be checked too")
                    .isInstanceOf(CsvReader.CsvException.class).hasMessageContaining("fields in a row");
        }
        assertThat(rows(",".repeat(CsvReader.MAX_FIELDS - 1) + "\n").get(0))
                .as("exactly the limit is allowed").hasSize(CsvReader.MAX_FIELDS);
    }

    @Test
    void rowLineReportsWhereAMultiLineRowBegan() throws IOException {
        try (CsvReader reader = new CsvReader(new StringReader("h1,h2\n\"one\ntwo\nthree\",x\nlast,y\n"))) {
            reader.next();
            assertThat(reader.rowLine()).isEqualTo(1);

            assertThat(reader.next()).containsExactly("one\ntwo\nthree", "x");
            assertThat(reader.rowLine()).as("the row spans lines 2 to 4 and began on 2").isEqualTo(2);

            assertThat(reader.next()).containsExactly("last", "y");
            assertThat(reader.rowLine()).as("line breaks inside quotes still count as lines").isEqualTo(5);
        }
    }

    private static List<List<String>> rows(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text))) {
            List<String> row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A prefix followed by one character forever, without holding any of it in memory. */
    private static final class EndlessReader extends Reader {
        private final String prefix;
        private final char fill;
        private int position;

        EndlessReader(String prefix, char fill) {
            this.prefix = prefix;
            this.fill = fill;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = position < prefix.length() ? prefix.charAt(position) : fill;
                position++;
            }
            return length;
        }

        @Override
        public void close() {
        }
    }
}
