package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code ibex mrz} as a shell pipeline sees it: blocks on standard input, one line per block on standard
 * output, and an exit code of 0 (all valid), 1 (some invalid) or 2 (input unusable) with no stack traces.
 */
class MrzCommandTest {
    private static final List<String> REQUIRED_KEYS = List.of("valid", "format", "documentCode", "issuingState",
            "surname", "givenNames", "documentNumber", "nationality", "dateOfBirth", "dateOfExpiry", "sex",
            "optionalData", "errors", "repairs", "suggestions");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String specimens;

    @BeforeAll
    static void readSpecimens() throws IOException {
        specimens = Files.readString(Path.of(System.getProperty("ibex.shared", "../shared"),
                "data/mrz/icao9303-specimens.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void theFiveIcaoSpecimensGiveFiveValidJsonLinesAndExitZero() throws Exception {
        Result result = runJson(specimens);

        assertThat(result.exit).as("all five specimens are valid; err: %s", result.err).isZero();
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).as("one JSON line per specimen block").hasSize(5);
        assertThat(lines).extracting(line -> line.get("format").asText())
                .containsExactly("TD3", "TD1", "TD2", "MRVA", "MRVB");
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().as("a consumer relies on every documented key being present")
                    .containsAll(REQUIRED_KEYS);
            assertThat(line.get("valid").asBoolean()).as("specimen %s", line.get("format")).isTrue();
            assertThat(line.get("errors")).as("a valid reading has no errors").isEmpty();
            assertThat(line.get("sex").asText()).as("Anna Maria Eriksson").isEqualTo("F");
            assertThat(line.get("surname").asText()).isEqualTo("ERIKSSON");
        }
        assertThat(lines).extracting(line -> line.get("documentNumber").asText())
                .containsExactly("L898902C3", "D23145890", "D23145890", "L8988901C", "L8988901C");
        assertThat(lines.get(0).get("dateOfBirth").asText()).as("dates are ISO text, not arrays of numbers")
                .isEqualTo("1974-08-12");
        assertThat(lines.get(0).get("givenNames").asText()).isEqualTo("ANNA MARIA");
    }

    @Test
    void aChangedCheckDigitExitsOneAndItsLineNamesTheFieldAndRule() throws Exception {
        String td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
        String broken = td3.replace("L898902C36", "L898902C35");
        String td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

        Result result = runJson(td2 + "\n\n" + broken + "\n");

        assertThat(result.exit).as("an invalid but readable MRZ is exit 1, not 2").isEqualTo(1);
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("valid").asBoolean()).as("the untouched TD2 block stays valid").isTrue();
        JsonNode bad = lines.get(1);
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("documentNumber").asText()).as("the number is still reported as read").isEqualTo("L898902C3");
        JsonNode first = bad.get("errors").get(0);
        assertThat(first.get("field").asText()).isEqualTo("documentNumber");
        assertThat(first.get("rule").asText()).isEqualTo("check-digit");
        assertThat(first.get("message").asText()).as("the message says what was expected").contains("expected 6");
    }

    @Test
    void emptyInputExitsTwoWithAMessageOnStandardError() throws Exception {
        Result result = runJson("");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.out).as("nothing to report on standard output").isEmpty();
        assertThat(result.err).contains("no MRZ on standard input");
    }

    @Test
    void binaryBytesExitTwoWithoutAStackTrace() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(20260601L).nextBytes(bytes);
        bytes[0] = 0;
        bytes[100] = 0;

        Result result = run(new ByteArrayInputStream(bytes));

        assertThat(result.exit).as("binary is unusable input; out: %s", result.out).isEqualTo(2);
        result.assertNoStackTrace();
        assertThat(result.jsonLines()).as("every block is reported as unusable, none as a reading")
                .isNotEmpty().allSatisfy(line -> {
                    assertThat(line.get("valid").asBoolean()).isFalse();
                    assertThat(line.get("error").get("rule").asText()).isNotBlank();
                });
    }

    @Test
    void tenThousandLinesOfGarbageExitTwoQuickly() throws Exception {
        StringBuilder garbage = new StringBuilder();
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            for (int c = 0; c < 44; c++) {
                garbage.append((char) ('A' + random.nextInt(26)));
            }
            garbage.append('\n');
        }

        // A guard against quadratic work on hostile input, not a benchmark: the bound is far above the real cost.
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> runJson(garbage.toString()));

        assertThat(result.exit).isEqualTo(2);
        result.assertNoStackTrace();
        assertThat(result.jsonLines()).singleElement().satisfies(line ->
                assertThat(line.get("error").get("rule").asText()).as("too long to be one MRZ").isEqualTo("length"));
    }

    @Test
    void inputOverSixteenMebibytesExitsTwoWithoutReadingItAll() throws Exception {
        // An endless pipe: the command must stop at its bound instead of reading until memory runs out.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'A');
                return len;
            }
        };

        Result result = run(endless);

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("input larger than " + MrzCommand.MAX_INPUT + " bytes");
        assertThat(result.out).isEmpty();
    }

    @Test
    void aValidAndAnUnusableBlockExitTwoWithOneJsonLinePerBlock() throws Exception {
        String td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

        Result result = runJson(td3 + "\n\nHELLO\nWORLD\n");

        assertThat(result.exit).as("unusable input outranks valid input").isEqualTo(2);
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).as("the valid block is still reported").hasSize(2);
        assertThat(lines.get(0).get("valid").asBoolean()).isTrue();
        assertThat(lines.get(0).get("format").asText()).isEqualTo("TD3");
        assertThat(lines.get(1).get("valid").asBoolean()).isFalse();
        assertThat(lines.get(1).get("block").asInt()).as("the unusable block is numbered").isEqualTo(2);
        assertThat(lines.get(1).get("error").get("field").asText()).isNotBlank();
        result.assertNoStackTrace();
    }

    @Test
    void crlfLineEndingsAreAccepted() throws Exception {
        Result result = runJson(specimens.replace("\r\n", "\n").replace("\n", "\r\n"));

        assertThat(result.exit).as("a file saved on Windows reads the same; out: %s", result.out).isZero();
        assertThat(result.jsonLines()).hasSize(5).allSatisfy(line -> {
            assertThat(line.get("valid").asBoolean()).isTrue();
            assertThat(line.get("repairs")).as("CR is a line ending, not noise to repair").isEmpty();
        });
    }

    private static Result runJson(String text) throws IOException {
        return run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Result run(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MrzCommand command = new MrzCommand(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        command.json = true;
        int exit = command.call();
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\r?\n")) {
                if (!line.isEmpty()) {
                    lines.add(MAPPER.readTree(line));
                }
            }
            return lines;
        }

        void assertNoStackTrace() {
            for (String stream : List.of(out, err)) {
                assertThat(stream).as("no stack trace for an operator to read").doesNotContain("\tat ")
                        .doesNotContain("Exception");
            }
        }
    }
}
