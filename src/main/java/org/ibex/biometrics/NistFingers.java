package org.ibex.biometrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The single fingers of an ANSI/NIST-ITL transaction (Type 4 and Type 14 records with one finger position 1-10),
 * as captures for enrolment. Slaps and palms are listed as skipped with the reason: nothing here segments them.
 * Each image keeps the record's own resolution and is decoded later within the bounds of a finger image.
 */
public final class NistFingers {
    private NistFingers() {
    }

    /** The fingers taken and the image records left out, each with why. */
    public record Extracted(List<FingerCapture> captures, List<Integer> recordOfCapture, List<Skipped> skipped) {
        public Extracted {
            captures = List.copyOf(captures);
            recordOfCapture = List.copyOf(recordOfCapture);
            skipped = List.copyOf(skipped);
        }
    }

    /** An image record not enrolled: its place in the file, its type and why. */
    public record Skipped(int record, int type, String why) {
    }

    public static Extracted of(NistTransaction transaction) {
        List<FingerCapture> captures = new ArrayList<>();
        List<Integer> records = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<FingerPosition> taken = new HashSet<>();
        for (NistRecord record : transaction.imageRecords()) {
            if (record.type() != 4 && record.type() != 14) {
                skipped.add(new Skipped(record.index(), record.type(), "not a fingerprint record (Type 4 or 14)"));
                continue;
            }
            NistImage image = record.image().orElseThrow();
            List<FingerPosition> fingers = image.fingers().stream()
                    .filter(p -> p.code() >= 1 && p.code() <= 10).toList();
            if (fingers.size() != 1 || image.fingers().size() != 1) {
                skipped.add(new Skipped(record.index(), record.type(), "positions " + image.positions()
                        + " are not one finger 1-10; slaps and palms are not segmented here"));
                continue;
            }
            FingerPosition position = fingers.get(0);
            if (!taken.add(position)) {
                skipped.add(new Skipped(record.index(), record.type(), "the " + position.label()
                        + " was given by an earlier record"));
                continue;
            }
            if (image.ppi() <= 0) {
                throw new NistFormatException(record.index(), record.type(), "resolution", "missing", "the "
                        + position.label() + " image gives no resolution in pixels per inch; it is never guessed");
            }
            captures.add(new FingerCapture(position, encoded(record, image, position), image.ppi()));
            records.add(record.index());
        }
        if (captures.isEmpty()) {
            throw new NistFormatException(0, 0, "records", "no-fingers", "the transaction has no single-finger image"
                    + " (a Type 4 or Type 14 record with one finger position 1-10) to enrol");
        }
        return new Extracted(captures, records, skipped);
    }

    /**
     * The image bytes a capture decodes: compressed data as it is; uncompressed pixels (checked against the finger
     * bounds first, then unpacked by their exact length) as PNG, so one decoder path serves both.
     */
    private static byte[] encoded(NistRecord record, NistImage image, FingerPosition position) {
        if (image.format() != ImageFormat.NONE) {
            return image.dataUnsafe();
        }
        ImageBounds.FINGER.checkDeclared(image.width(), image.height(),
                (rule, detail) -> ImageRefusedException.of(rule, position.label() + ": " + detail));
        BufferedImage pixels = NistImageDecoder.decode(record);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(pixels, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG to memory cannot fail", e);
        }
        return png.toByteArray();
    }
}
