package org.ibex.biometrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The image of a record as declared: compression, size in pixels, resolution in pixels per inch (0 where the
 * record gives only an aspect ratio), position codes (finger codes, or palm codes in Type 15), impression
 * code (-1 where the record has none), quality values and the still-compressed bytes.
 */
public record NistImage(ImageFormat format, int width, int height, int ppi, int bitsPerPixel, List<Integer> positions,
                        int impression, List<QualityScore> quality, byte[] data) {
    public NistImage {
        Objects.requireNonNull(format, "format");
        positions = List.copyOf(positions);
        quality = List.copyOf(quality);
        Objects.requireNonNull(data, "data");
    }

    /** The positions that are finger codes; palm and unassigned codes are left out. */
    public List<FingerPosition> fingers() {
        return positions.stream().map(FingerPosition::of).flatMap(Optional::stream).toList();
    }

    public Optional<ImpressionType> impressionType() {
        return impression < 0 ? Optional.empty() : ImpressionType.of(impression);
    }

    /** A copy of the compressed bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Size of the compressed data without copying it. */
    public int dataLength() {
        return data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NistImage i && i.format == format && i.width == width && i.height == height && i.ppi == ppi
                && i.bitsPerPixel == bitsPerPixel && i.positions.equals(positions) && i.impression == impression
                && i.quality.equals(quality) && java.util.Arrays.equals(i.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, width, height, ppi, positions, impression, java.util.Arrays.hashCode(data));
    }

    /** Biometric data stays out of logs: the bytes are summarised by their count. */
    @Override
    public String toString() {
        return "NistImage[" + format + " " + width + "x" + height + " " + ppi + " ppi, positions " + positions
                + ", impression " + impression + ", quality " + quality + ", " + data.length + " bytes]";
    }
}
