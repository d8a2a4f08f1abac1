package org.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex nist images} decodes with the same guard as the API (issue 12, finding 2): a real Type-14 record
 * whose own fields and WSQ frame header are patched to declare 9000x9000 pixels is refused before decoding.
 */
class NistImagesBoundsTest {
    private static final Path SAMPLES = Path.of(System.getProperty("ibex.shared", "../shared"), "data/ansi-nist");

    @Test
    void aType14RecordDeclaringAHugeImageIsRefusedWithoutDecoding(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve("type-14-amp-nqm-utf8.an2"));
        byte[] patched = replace(replace(replace(bytes, "14.006:804\u001D", "14.006:9000\u001D"),
                "14.007:1000\u001D", "14.007:9000\u001D"), "14.001:50430", "14.001:50431");
        patchFirstWsqFrame(patched, 9000, 9000);
        Path bomb = dir.resolve("bomb.an2");
        Files.write(bomb, patched);

        CliRun run = CliRun.of("nist", "images", bomb.toString(), dir.resolve("out").toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.err()).as("the refusal names the record and the limit")
                .contains("record 3 (type 14)").contains("declares 9000x9000 pixels").contains("at most 8000 a side");
    }

    @Test
    void theRealType14FileStillDecodes(@TempDir Path dir) {
        CliRun run = CliRun.of("nist", "images", SAMPLES.resolve("type-14-amp-nqm-utf8.an2").toString(),
                dir.toString());

        assertThat(run.exit()).as(run.output()).isZero();
    }

    private static void patchFirstWsqFrame(byte[] bytes, int width, int height) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int i = 0; i + 10 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xA0) {
                int at = i + 2;
                while ((buffer.getShort(at) & 0xFFFF) != 0xFFA2) {
                    at += 2 + (buffer.getShort(at + 2) & 0xFFFF);
                }
                buffer.putShort(at + 6, (short) height).putShort(at + 8, (short) width);
                return;
            }
        }
        throw new AssertionError("no WSQ image in the sample");
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
        throw new AssertionError("'" + from + "' not in the sample");
    }
}
