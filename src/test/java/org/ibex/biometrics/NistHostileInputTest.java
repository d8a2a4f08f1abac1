package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Broken and hostile transactions: each is rejected with a {@link NistFormatException} that names the record and
 * field, and none makes the reader crash, loop or allocate more than the input.
 */
class NistHostileInputTest {
    private static final String TYPE_14 = "type-14-amp-nqm-utf8.an2";

    @Test
    void anEmptyFileIsRejectedAtTheFirstField() {
        assertThatThrownBy(() -> new NistReader().read(new byte[0])).isInstanceOf(NistFormatException.class)
                .hasMessage("record 1 (type 1), field 1.001 LEN: the file is empty; a transaction starts with '1.001:'");
    }

    @Test
    void everyTruncationOfEverySampleIsRejectedNamingRecordAndField() {
        for (Path file : SampleFiles.transactions()) {
            byte[] whole = SampleFiles.bytes(file);
            for (int cut : cutPoints(whole.length)) {
                byte[] prefix = Arrays.copyOf(whole, cut);
                Throwable thrown = catchThrowable(() -> new NistReader().read(prefix));
                assertThat(thrown).as("%s cut at %d of %d bytes", file.getFileName(), cut, whole.length)
                        .isInstanceOf(NistFormatException.class)
                        .hasMessageMatching("record \\d+ \\(type \\d+\\), field .+: .+");
            }
        }
    }

    @Test
    void theTruncationErrorSaysHowManyBytesWereDeclaredAndHowManyRemain() {
        byte[] whole = SampleFiles.bytes(TYPE_14);

        assertThatThrownBy(() -> new NistReader().read(Arrays.copyOf(whole, 2000)))
                .hasMessage("record 3 (type 14), field 14.001 LEN: declares 50430 bytes but only 1732 remain");
    }

    @Test
    void randomBytesAreRejected() {
        Random random = new Random(20260601L);
        for (int size : new int[] {1, 2, 7, 100, 4096, 100_000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertThatThrownBy(() -> new NistReader().read(bytes)).as("%d random bytes", size)
                    .isInstanceOf(NistFormatException.class).hasMessageStartingWith("record 1 (type 1), field ");
        }
    }

    @Test
    void aLenOfNineHundredMillionIsCheckedAgainstTheInputBeforeAnythingIsAllocated() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "14.001:50430", "14.001:999999999");

        assertThatThrownBy(() -> new NistReader().read(bytes)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("record 3 (type 14), field 14.001 LEN: declares 999999999 bytes but only")
                .extracting("rule").isEqualTo("length");
    }

    @Test
    void aBinaryRecordLengthBeyondTheInputIsRejected() {
        byte[] bytes = SampleFiles.bytes("type-4-slaps.an2");
        int type4 = Integer.parseInt(new NistReader().read(bytes).records().get(0).text(1).orElseThrow())
                + Integer.parseInt(new NistReader().read(bytes).records().get(1).text(1).orElseThrow());
        bytes[type4] = (byte) 0x7F;

        assertThatThrownBy(() -> new NistReader().read(bytes)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("record 3 (type 4), field 4.001 LEN: declares 21");
    }

    @Test
    void aHugeImageSizeIsRefusedBeforeAnyDecoding() {
        byte[] wide = replace(SampleFiles.bytes(TYPE_14), "14.006:804\u001D", "14.006:999999\u001D");
        byte[] fixedLen = replace(wide, "14.001:50430", "14.001:50433");

        assertThatThrownBy(() -> new NistReader().read(fixedLen)).isInstanceOf(NistFormatException.class)
                .hasMessage("record 3 (type 14), field 14.006 HLL: declares 999999 pixels, more than the 20000 we accept");
    }

    @Test
    void aTooLargePixelCountIsRefusedEvenWhenEachSideIsAllowed() {
        byte[] bytes = replace(replace(replace(SampleFiles.bytes(TYPE_14), "14.006:804\u001D", "14.006:19000\u001D"),
                "14.007:1000\u001D", "14.007:19000\u001D"), "14.001:50430", "14.001:50433");

        assertThatThrownBy(() -> new NistReader().read(bytes)).hasMessageContaining("19000x19000 pixels is more than");
    }

    @Test
    void aMissingRecordSeparatorIsNamed() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "\u83ef\u88d4\u001C", "\u83ef\u88d4\u001D");

        assertThatThrownBy(() -> new NistReader().read(bytes)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("record 2 (type 2), field 2.001 LEN: the record's last byte")
                .hasMessageContaining("not FS (0x1C)");
    }

    @Test
    void aMissingFieldSeparatorIsNamed() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "2.002:00\u001D", "2.002:00\u001C");

        assertThatThrownBy(() -> new NistReader().read(bytes)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("record 2 (type 2), field 2.002 IDC: contains FS (0x1C)");
    }

    @Test
    void aNonNumericTagIsNamed() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "14.005:", "14.0x5:");

        assertThatThrownBy(() -> new NistReader().read(bytes)).isInstanceOf(NistFormatException.class)
                .hasMessageStartingWith("record 3 (type 14), field 14.0x5: tag is not numeric")
                .extracting("rule").isEqualTo("tag");
    }

    @Test
    void aTagWithoutColonIsNamedByTheFieldBeforeIt() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "14.005:", "14.005=");

        assertThatThrownBy(() -> new NistReader().read(bytes))
                .hasMessageStartingWith("record 3 (type 14), field after 14.004 SRC");
    }

    @Test
    void aCntListingMoreRecordsThanTheFileHoldsIsRejected() {
        byte[] bytes = replace(replace(SampleFiles.bytes(TYPE_14), "1.003:1\u001F4", "1.003:1\u001F5"),
                "14\u001F03\u001D", "14\u001F03\u001E14\u001F04\u001D");
        byte[] fixedLen = replace(bytes, "1.001:213", "1.001:219");

        assertThatThrownBy(() -> new NistReader().read(fixedLen)).isInstanceOf(NistFormatException.class)
                .hasMessage("record 6 (type 14), field 14.001 LEN: CNT 1.003 lists 5 records after Type 1, "
                        + "but the file ends after 4");
    }

    @Test
    void aCntWhoseCountDisagreesWithItsEntriesIsRejected() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "1.003:1\u001F4", "1.003:1\u001F9");

        assertThatThrownBy(() -> new NistReader().read(bytes))
                .hasMessage("record 1 (type 1), field 1.003 CNT: says 9 records follow but lists 4");
    }

    @Test
    void bytesAfterTheLastListedRecordAreRejectedButTrailingPaddingIsNot() {
        byte[] whole = SampleFiles.bytes(TYPE_14);
        byte[] padded = Arrays.copyOf(whole, whole.length + 2);
        padded[whole.length] = '\r';
        padded[whole.length + 1] = '\n';
        byte[] extra = Arrays.copyOf(whole, whole.length + 10);
        extra[whole.length] = '2';

        assertThat(new NistReader().read(padded).records()).hasSize(5);
        assertThatThrownBy(() -> new NistReader().read(extra)).hasMessageContaining("1.003 CNT: lists 4 records");
    }

    @Test
    void aRecordWhoseTagsBelongToAnotherTypeIsRejected() {
        byte[] bytes = replace(SampleFiles.bytes(TYPE_14), "\u001E14\u001F01", "\u001E13\u001F01");

        assertThatThrownBy(() -> new NistReader().read(bytes))
                .hasMessageStartingWith("record 3 (type 13), field 14.001: belongs to record type 14");
    }

    @Test
    void randomlyDamagedSamplesEitherParseOrFailWithANamedErrorAndTheirImagesToo() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (Path file : SampleFiles.transactions()) {
                byte[] whole = SampleFiles.bytes(file);
                for (int round = 0; round < 12; round++) {
                    byte[] damaged = whole.clone();
                    for (int i = 0; i < 1 + random.nextInt(8); i++) {
                        // Damage the headers more often than image data: that is where parsing decisions are made.
                        int at = random.nextBoolean() ? random.nextInt(Math.min(whole.length, 600)) : random.nextInt(whole.length);
                        damaged[at] = (byte) random.nextInt(256);
                    }
                    try {
                        // One image a round: decoding is the slow part, and any record's decoder meets the same checks.
                        for (NistRecord record : new NistReader().read(damaged).imageRecords().stream().limit(1).toList()) {
                            Throwable thrown = catchThrowable(() -> NistImageDecoder.decode(record));
                            assertThat(thrown).as("%s round %d", file.getFileName(), round)
                                    .satisfiesAnyOf(t -> assertThat(t).isNull(),
                                            t -> assertThat(t).isInstanceOf(NistFormatException.class));
                        }
                    } catch (NistFormatException expected) {
                        assertThat(expected.getMessage()).startsWith("record ");
                    }
                }
            }
        });
    }

    /** Every cut in the first 2 KB and around each record start, then a stride through the rest. */
    private static TreeSet<Integer> cutPoints(int length) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < Math.min(length, 2048); i++) {
            cuts.add(i);
        }
        for (int i = 2048; i < length; i += 499) {
            cuts.add(i);
        }
        cuts.add(length - 1);
        return cuts;
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                byte[] out = new byte[bytes.length - needle.length + replacement.length];
                System.arraycopy(bytes, 0, out, 0, i);
                System.arraycopy(replacement, 0, out, i, replacement.length);
                System.arraycopy(bytes, i + needle.length, out, i + replacement.length, bytes.length - i - needle.length);
                return out;
            }
        }
        throw new AssertionError("'" + from + "' not found in the sample");
    }
}
