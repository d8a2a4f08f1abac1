package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Unusable text gives a clean MrzInputException naming the rule; nothing else ever escapes the parser. */
class MrzHostileInputTest {
    private static final List<String> SPECIMENS = List.of(
            TestMrz.TD3_1 + "\n" + TestMrz.TD3_2,
            TestMrz.TD1_1 + "\n" + TestMrz.TD1_2 + "\n" + TestMrz.TD1_3,
            TestMrz.TD2_1 + "\n" + TestMrz.TD2_2,
            TestMrz.MRVA_1 + "\n" + TestMrz.MRVA_2,
            TestMrz.MRVB_1 + "\n" + TestMrz.MRVB_2);

    @Test
    void rejectsEmptyAndBlankText() {
        assertRejected(null, "empty");
        assertRejected("", "empty");
        assertRejected(" \n\t\r\n  ", "empty");
    }

    @Test
    void rejectsBinaryBytes() {
        byte[] bytes = new byte[64];
        new Random(7).nextBytes(bytes);
        bytes[3] = 0;
        assertRejected(new String(bytes, StandardCharsets.ISO_8859_1), "charset");
        assertRejected(TestMrz.TD3_1 + "\n" + TestMrz.TD3_2.replace('<', '\u0000'), "charset");
    }

    @Test
    void rejectsTenThousandLinesQuicklyAsTooLong() {
        String text = (TestMrz.TD3_1 + "\n").repeat(10_000);
        // A guard against quadratic work on hostile input, not a benchmark: the bound is far above the real cost.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRejected(text, "length"));
    }

    @Test
    void rejectsAMegabyteLineAsTooLong() {
        assertRejected("<".repeat(1 << 20), "length");
    }

    @Test
    void rejectsLineLengthsThatMatchNoFormat() {
        assertRejected("P".repeat(40) + "\n" + "1".repeat(40), "length");
        assertRejected(TestMrz.TD3_1 + "\n" + TestMrz.TD2_2, "length");
        assertRejected(TestMrz.TD3_1 + "\n" + TestMrz.TD3_2 + "\n" + TestMrz.TD3_2, "length");
        assertRejected(TestMrz.TD3_1.substring(0, 42) + "\n" + TestMrz.TD3_2, "length");
    }

    @Test
    void rejectsOneLineAndFourLines() {
        assertRejected(TestMrz.TD3_1, "line-count");
        assertRejected(TestMrz.TD1_1 + "\n" + TestMrz.TD1_2 + "\n" + TestMrz.TD1_3 + "\n" + TestMrz.TD1_3,
                "line-count");
    }

    @Test
    void reportsForeignPrintableCharactersAsErrorsNotExceptions() {
        MrzReading r = TestMrz.parse(TestMrz.TD3_1.replace("ANNA", "ANNÄ"), TestMrz.TD3_2);

        assertThat(r.errors()).extracting(MrzIssue::field, MrzIssue::rule, MrzIssue::position)
                .containsExactly(org.assertj.core.api.Assertions.tuple("line1", "charset", TestMrz.at(1, 19)));
    }

    @Test
    void survivesRandomTextAndMutatedSpecimensWithReadingsOrInputExceptionsOnly() {
        Random random = new Random(20_261_124L);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<abcxyz«  \n\n\r\t#-é\u0000\u00A0\uD83D";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertReadingOrInputException(text.toString());
        }
        int readings = 0;
        for (int i = 0; i < 5_000; i++) {
            if (assertReadingOrInputException(mutate(SPECIMENS.get(random.nextInt(SPECIMENS.size())), random, alphabet))) {
                readings++;
            }
        }
        assertThat(readings).as("mutated specimens must mostly reach the field rules, or the fuzzing proves little")
                .isGreaterThan(2_500);
    }

    @Test
    void parsesAnMrzSurroundedByTenThousandBlankLines() {
        String blank = "\n".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(
                TestMrz.PARSER.parse(blank + TestMrz.TD3_1 + "\n" + TestMrz.TD3_2 + blank).valid()).isTrue());
    }

    private static String mutate(String specimen, Random random, String alphabet) {
        StringBuilder text = new StringBuilder(specimen);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.insert(at, c);
                default -> text.deleteCharAt(at);
            }
        }
        return text.toString();
    }

    /** True when a reading came back, false for an MrzInputException; fails on anything else. */
    private static boolean assertReadingOrInputException(String text) {
        try {
            MrzReading r = TestMrz.PARSER.parse(text);
            assertThat(r.valid()).isEqualTo(r.errors().isEmpty());
            assertThat(r.format()).isNotNull();
            return true;
        } catch (MrzInputException e) {
            assertThat(e.rule()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException e) {
            return fail("parse threw " + e + " for input " + escape(text), e);
        }
    }

    private static void assertRejected(String text, String rule) {
        assertThatThrownBy(() -> TestMrz.PARSER.parse(text))
                .isInstanceOfSatisfying(MrzInputException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.field()).isEqualTo("input");
                });
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
